package dev.assetflow.ops.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.ops.CommandOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/config validate} without a stack: no AWS, every problem of the file listed, exit 1. */
class ConfigValidateTest {
    @TempDir
    Path dir;

    @Test
    void everyProblemOfAFileIsListedAndTheExitSaysSo() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.json"), """
                {"version": 9, "rules": [
                  {"name": "images", "when": {"kind": "image"}, "route": {"queue": "critical", "profile": "image-responsive",
                   "shadow": {"profile": "image-nope", "share": 0.1}}},
                  {"name": "video", "when": {"kind": "video"}, "route": {"queue": "bulk", "profile": "video-abr"}}]}""");
        Result result = validate("--file", rules.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("routing-rules: 1 problem",
                "rule 'images' names profile 'image-nope', but the profiles document has no image profile of that name");

        Path fixed = Files.writeString(dir.resolve("fixed.json"), Files.readString(rules).replace("image-nope", "image-responsive")
                .replace("\"shadow\": {\"profile\": \"image-responsive\", \"share\": 0.1}", "\"maxCostUsd\": 1.0"));
        assertThat(validate("--file", fixed.toString())).isEqualTo(new Result(0, "routing-rules: valid\n"));
    }

    private record Result(int exit, String out) {}

    private static Result validate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(List.of("validate"));
        all.addAll(List.of(args));
        int exit = ConfigCommand.run(CommandOptions.parse(List.of(), all.toArray(String[]::new)), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8));
    }
}
