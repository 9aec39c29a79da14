package dev.assetflow.localstack.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An execution environment's private /tmp of the function's ephemeral-storage size. Where this host may
 * mount (it runs as root, as CI does), it is a tmpfs of exactly that size, so the function sees what it
 * would see on Lambda: free space that ends at the limit, and writes past it failing with "no space
 * left". Elsewhere it is a plain directory, and {@link #usedBytes} lets the host end an environment
 * that goes past the limit.
 */
final class TempStorage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TempStorage.class);
    /** Whether mounting works on this machine: tried once, then remembered. */
    private static final AtomicReference<Boolean> MOUNTABLE = new AtomicReference<>();

    private final Path dir;
    private final long limitBytes;
    private final boolean mounted;
    /** Unmounts if the host ends without closing (Ctrl-C on the demo): a mount outlives its process. */
    private final Thread unmountAtExit;

    private TempStorage(Path dir, long limitBytes, boolean mounted) {
        this.dir = dir;
        this.limitBytes = limitBytes;
        this.mounted = mounted;
        this.unmountAtExit = mounted ? new Thread(this::unmount, "unmount-" + dir.getFileName()) : null;
        if (mounted) {
            Runtime.getRuntime().addShutdownHook(unmountAtExit);
        }
    }

    static TempStorage create(Path dir, int sizeMb) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean mounted = !Boolean.FALSE.equals(MOUNTABLE.get()) && run("mount", "-t", "tmpfs", "-o", "size=" + sizeMb + "m,mode=1777",
                "tmpfs", dir.toString());
        if (MOUNTABLE.compareAndSet(null, mounted) && !mounted) {
            LOG.warn("cannot mount a tmpfs here (not root?): each /tmp is a plain directory and its {} MB limit is enforced"
                    + " by watching its size", sizeMb);
        }
        return new TempStorage(dir, sizeMb * 1_048_576L, mounted);
    }

    Path dir() {
        return dir;
    }

    long limitBytes() {
        return limitBytes;
    }

    /** True when the file system itself enforces the limit. */
    boolean enforcedByFileSystem() {
        return mounted;
    }

    long usedBytes() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0; // files come and go while a job runs
        }
    }

    @Override
    public void close() {
        if (mounted) {
            try {
                Runtime.getRuntime().removeShutdownHook(unmountAtExit);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs anyway
            }
            unmount();
        }
        Directories.delete(dir);
    }

    private void unmount() {
        if (!run("umount", "-l", dir.toString())) {
            LOG.warn("could not unmount {}", dir);
        }
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
