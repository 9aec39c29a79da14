package dev.assetflow.localstack;

import dev.assetflow.ops.CommandOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs an ops command (scripts/config, reprocess, …) in the test's JVM against a local stack, as an operator would. */
final class OpsCommands {

    private OpsCommands() {
    }

    /** An ops command's entry point. */
    interface Command {
        int run(CommandOptions options, PrintStream out);
    }

    /** What the command printed, and its exit code. */
    record Result(int exit, String out) {}

    /** Runs {@code command} with {@code args} and {@code --stack}/{@code --endpoint} naming {@code stack}. */
    static Result run(LocalStack stack, Command command, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--stack", stack.resources().names().prefix(), "--endpoint", stack.awsEndpoint().toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = command.run(CommandOptions.parse(List.of(), all.toArray(String[]::new)), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8));
    }
}
