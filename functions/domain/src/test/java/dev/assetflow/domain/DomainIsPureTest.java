package dev.assetflow.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain is plain Java: AWS lives in the adapters, file-system and process work behind ports
 * (a {@code java.nio.file.Path} may be named and handed to a port, never read, written or created
 * here). This keeps it so.
 */
class DomainIsPureTest {
    /** What a line of domain source must not contain, and why. */
    private static final Map<String, String> FORBIDDEN = Map.ofEntries(
            Map.entry("import software.amazon.", "an AWS SDK import"),
            Map.entry("import com.amazonaws.", "an AWS Lambda import"),
            Map.entry("import java.nio.file.Files", "file-system work"),
            Map.entry("import java.nio.file.Paths", "file-system work"),
            Map.entry("import java.nio.file.FileSystem", "file-system work"),
            Map.entry("import java.nio.file.FileStore", "file-system work"),
            Map.entry("import java.nio.file.*", "file-system work"),
            Map.entry("import java.nio.channels.", "file or socket channels"),
            Map.entry("import java.io.File", "file-system work"),
            Map.entry("import java.io.RandomAccessFile", "file-system work"),
            Map.entry(".toFile()", "file-system work"),
            Map.entry("ProcessBuilder", "starting a process"),
            Map.entry("Runtime.getRuntime()", "starting a process"),
            Map.entry("getResourceAsStream", "reading the classpath"));

    @Test
    void noSourceFileOfTheDomainDoesAwsFileSystemOrProcessWork() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(DomainIsPureTest::offences)
                    .toList();
        }
        assertThat(offenders).as("domain lines doing what belongs in an adapter").isEmpty();
    }

    private static Stream<String> offences(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().flatMap(line -> FORBIDDEN.entrySet().stream()
                    .filter(rule -> line.contains(rule.getKey()))
                    .map(rule -> file.getFileName() + ": " + rule.getValue() + ": " + line.trim()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
