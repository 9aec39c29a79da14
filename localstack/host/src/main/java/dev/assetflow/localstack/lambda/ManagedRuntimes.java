package dev.assetflow.localstack.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The managed runtime of this host: this JVM's own java binary, and the runtime interface client with
 * the libraries it needs (what Lambda keeps in /var/runtime/lib), taken from this host's classpath.
 */
final class ManagedRuntimes {

    private ManagedRuntimes() {
    }

    static ManagedRuntime local() {
        return new ManagedRuntime(Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of(jarOf(AWSLambda.class), jarOf(Context.class), jarOf(PojoSerializer.class), jarOf(SdkInternalThreadLocal.class)));
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
