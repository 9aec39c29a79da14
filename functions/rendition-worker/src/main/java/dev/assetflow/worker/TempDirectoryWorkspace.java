package dev.assetflow.worker;

import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.work.JobWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link JobWorkspace} in a directory of the local file system: one temp directory per job under {@code root}. */
public final class TempDirectoryWorkspace implements JobWorkspace {
    private static final Logger LOG = LoggerFactory.getLogger(TempDirectoryWorkspace.class);

    private final Path root;

    public TempDirectoryWorkspace(Path root) {
        this.root = root;
    }

    @Override
    public Job open() {
        try {
            Files.createDirectories(root);
            return new DirectoryJob(Files.createTempDirectory(root, "assetflow-job-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a job directory in " + root, e);
        }
    }

    private record DirectoryJob(Path dir) implements Job {

        @Override
        public Path file(String name) {
            return dir.resolve(name);
        }

        @Override
        public Path newDirectory(String prefix) {
            try {
                return Files.createTempDirectory(dir, prefix);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void requireSpace(long neededBytes, String what) {
            long usable;
            try {
                usable = Files.getFileStore(dir).getUsableSpace();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (neededBytes > usable) {
                throw new FailureException(Failure.of(FailureCategory.LIMIT_EXCEEDED, what + " need about "
                        + neededBytes / 1_048_576 + " MiB of temp space; " + usable / 1_048_576 + " MiB are available"));
            }
        }

        @Override
        public void close() {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                LOG.warn("could not remove job directory {}", dir, e);
            }
        }
    }
}
