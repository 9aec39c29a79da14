package dev.assetflow.localstack.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The managed runtime of this host: this JVM's own java binary, and the runtime interface client with
 * the libraries it needs (what Lambda keeps in /var/runtime/lib), taken from this host's classpath.
 */
final class ManagedRuntimes {
    private static final ManagedRuntime LOCAL = new ManagedRuntime(Path.of(System.getProperty("java.home"), "bin", "java"),
            List.of(jarOf(AWSLambda.class), jarOf(Context.class), jarOf(PojoSerializer.class), jarOf(SdkInternalThreadLocal.class)),
            jniLibrary());

    private ManagedRuntimes() {
    }

    static ManagedRuntime local() {
        return LOCAL;
    }

    /**
     * The client's native library, unpacked once for every environment of this host. Left to itself, the
     * client unpacks it to the fixed path /tmp/.libaws-lambda-jni.so at each start: harmless on Lambda,
     * where every environment has a /tmp of its own, but environments starting together here would
     * overwrite the file another one is mapping (the JVM dies with SIGBUS in the dynamic loader).
     */
    private static Path jniLibrary() {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        String name = "/jni/libaws-lambda-jni.linux-" + arch + ".so";
        try (InputStream in = AWSLambda.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the runtime interface client has no native library " + name);
            }
            Path library = Files.createTempFile("aws-lambda-jni-", ".so");
            library.toFile().deleteOnExit();
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            return library;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime interface client's native library", e);
        }
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
