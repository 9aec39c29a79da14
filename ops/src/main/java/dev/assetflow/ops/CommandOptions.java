package dev.assetflow.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/** {@code --name value} options, {@code --flag}s named up front, and the words before the first option. */
public record CommandOptions(List<String> words, Map<String, String> options) {

    public static CommandOptions parse(List<String> flags, String... args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (flags.contains(args[i])) {
                options.put(args[i], "");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else if (!args[i].startsWith("--") && options.isEmpty()) {
                words.add(args[i]);
            } else {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
        }
        return new CommandOptions(List.copyOf(words), Map.copyOf(options));
    }

    /**
     * What a command's {@code main} does: {@code --help} prints the usage; otherwise the options are parsed and
     * the command run, exiting with its code; a usage mistake prints the message and the usage, and exits 2.
     */
    public static void main(String command, String usage, String[] args, ToIntFunction<CommandOptions> run) {
        main(command, usage, args, List.of(), run);
    }

    /** The same, with {@code flags}: options that take no value. */
    public static void main(String command, String usage, String[] args, List<String> flags, ToIntFunction<CommandOptions> run) {
        if (List.of(args).contains("--help")) {
            System.out.println(usage);
            return;
        }
        try {
            System.exit(run.applyAsInt(parse(flags, args)));
        } catch (IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            System.err.println(usage);
            System.exit(2);
        }
    }

    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
