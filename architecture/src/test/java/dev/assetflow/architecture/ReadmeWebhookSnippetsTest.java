package dev.assetflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.domain.webhook.WebhookSignature;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's webhook verification snippets, run as a subscriber would copy them: each accepts a delivery signed by
 * the pipeline ({@link WebhookSignature}) and refuses a tampered body. The Java one is compiled here; the Node one runs
 * under node (which the console's build needs anyway).
 */
class ReadmeWebhookSnippetsTest {
    private static final byte[] KEY = "Xk2rLq9TzvB8mN3pW7yH4cJ6dF1sG5aE0uR8tY2iO4pL6kJ9hG3fD7sA1zX5cV0b".getBytes(StandardCharsets.UTF_8);
    private static final String BODY = "{\"schemaVersion\":1,\"eventId\":\"ev-1\",\"type\":\"asset.ready\",\"reason\":\"caf\u00e9 \u2713\"}";

    @TempDir
    Path dir;

    @Test
    void theJavaSnippetAcceptsASignedDeliveryAndRefusesATamperedOne() throws Exception {
        String snippet = block("java");
        Path source = dir.resolve("Snippet.java");
        Files.writeString(source, """
                import java.nio.charset.StandardCharsets; import java.security.MessageDigest; import java.time.Instant;
                import java.util.HashMap; import java.util.HexFormat; import java.util.Map;
                import javax.crypto.Mac; import javax.crypto.spec.SecretKeySpec;
                public class Snippet {
                """ + snippet + "\n}\n");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK's compiler").isNotNull();
        assertThat(compiler.run(null, null, null, "-d", dir.toString(), source.toString())).as("the snippet compiles").isZero();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()})) {
            Method verify = loader.loadClass("Snippet").getDeclaredMethod("verify", String.class, String.class, byte[].class, long.class);
            verify.setAccessible(true);
            String header = WebhookSignature.header(KEY, Instant.now(), BODY);
            assertThat(verify.invoke(null, header, BODY, KEY, 300L)).isEqualTo(true);
            assertThat(verify.invoke(null, header, BODY.replace("ready", "failed"), KEY, 300L)).isEqualTo(false);
            assertThat(verify.invoke(null, WebhookSignature.header(KEY, Instant.now().minusSeconds(900), BODY), BODY, KEY, 300L))
                    .as("a stale timestamp").isEqualTo(false);
        }
    }

    @Test
    void theNodeSnippetAcceptsASignedDeliveryAndRefusesATamperedOne() throws Exception {
        Path script = dir.resolve("verify.js");
        Files.writeString(script, block("js") + "\nconst [h, b, k] = process.argv.slice(2);\nconsole.log(verify(h, b, k));\n");
        String header = WebhookSignature.header(KEY, Instant.now(), BODY);
        String key = new String(KEY, StandardCharsets.UTF_8);
        assertThat(node(script, header, BODY, key)).isEqualTo("true");
        assertThat(node(script, header, BODY.replace("ready", "failed"), key)).isEqualTo("false");
    }

    private static String node(Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("node is missing (the console's build installs it too: Debian's nodejs package)", e);
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("node ends").isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    /** The first fenced block of {@code language} under the README's "Verify a delivery". */
    private static String block(String language) throws IOException {
        String readme = Files.readString(SourceTree.repository().resolve("README.md"));
        int section = readme.indexOf("### Verify a delivery");
        assertThat(section).as("the README's section").isNotNegative();
        Matcher fenced = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(fenced.find(section)).as("a ```" + language + " block in it").isTrue();
        return fenced.group(1);
    }
}
