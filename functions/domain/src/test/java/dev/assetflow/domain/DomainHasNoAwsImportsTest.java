package dev.assetflow.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The domain is plain Java: AWS lives in the adapters. This keeps it so. */
class DomainHasNoAwsImportsTest {

    @Test
    void noSourceFileOfTheDomainImportsAnAwsPackage() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(DomainHasNoAwsImportsTest::importsAws)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).as("domain files importing AWS packages").isEmpty();
    }

    private static boolean importsAws(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .anyMatch(line -> line.startsWith("import software.amazon.") || line.startsWith("import com.amazonaws."));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
