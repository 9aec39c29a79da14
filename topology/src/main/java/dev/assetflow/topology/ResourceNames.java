package dev.assetflow.topology;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Physical names: {@code <prefix>-<logical>} and {@code <prefix>-<logical>-dlq}. The prefix is the
 * deployment's (e.g. {@code assetflow-prod}, or a random one per local test run), so no name is ever
 * hard-coded in a function.
 */
public record ResourceNames(String prefix) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{1,38}");

    public ResourceNames {
        if (!VALID.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a name prefix is 2-39 lowercase letters, digits and dashes: " + prefix);
        }
    }

    public String of(String logical) {
        return prefix + "-" + logical.toLowerCase(Locale.ROOT);
    }

    public String deadLetterQueue(String logicalQueue) {
        return of(logicalQueue) + "-dlq";
    }
}
