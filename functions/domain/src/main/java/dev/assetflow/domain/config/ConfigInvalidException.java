package dev.assetflow.domain.config;

import java.util.List;

/** A configuration (rule set, profile catalog) that must not be used; lists every problem found, not just the first. */
public class ConfigInvalidException extends Exception {
    private final List<String> problems;

    public ConfigInvalidException(List<String> problems) {
        super("invalid configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
