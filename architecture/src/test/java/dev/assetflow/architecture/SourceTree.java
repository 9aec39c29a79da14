package dev.assetflow.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The main Java sources of the repository, read as text: each file's module, package and project imports. */
record SourceTree(List<SourceFile> files) {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(dev\\.assetflow\\.[\\w.]+?)(?:\\.\\*)?;",
            Pattern.MULTILINE);

    /** @param module the Maven module's folder relative to the repository, e.g. {@code functions/domain} */
    record SourceFile(Path path, String module, String pkg, List<String> imports, String text) {}

    /** The repository this module sits in. */
    static Path repository() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("topology")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository (a folder with topology/ and functions/) above " + here);
    }

    static SourceTree mainSources() {
        Path repo = repository();
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(repo)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                String relative = repo.relativize(file).toString();
                int main = relative.indexOf("/src/main/java/");
                if (main < 0 || relative.contains("/target/") || relative.contains("node_modules")) {
                    continue;
                }
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                List<String> imports = new ArrayList<>();
                for (Matcher m = IMPORT.matcher(text); m.find(); ) {
                    imports.add(m.group(1));
                }
                files.add(new SourceFile(file, relative.substring(0, main), pkg.find() ? pkg.group(1) : "", imports, text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SourceTree(files);
    }
}
