package dev.assetflow.domain.config;

import java.util.Arrays;
import java.util.Locale;

/** The configuration documents kept as data (SSM parameters named after {@link #logical()}). */
public enum ConfigDocument {
    ROUTING_RULES,
    PROFILES;

    /** The name in the topology's {@code parameters} and at the end of the parameter's name. */
    public String logical() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ConfigDocument named(String logical) {
        return Arrays.stream(values()).filter(d -> d.logical().equals(logical)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no configuration document '" + logical
                        + "' (routing-rules or profiles)"));
    }
}
