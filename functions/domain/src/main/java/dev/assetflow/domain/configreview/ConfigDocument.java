package dev.assetflow.domain.configreview;

import dev.assetflow.domain.config.ConfigInvalidException;

import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.routing.RoutingRulesParser;
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

    /** Whether a text is a valid version of this document on its own (what a function checks before using it). */
    public void check(String text) throws ConfigInvalidException {
        switch (this) {
            case ROUTING_RULES -> RoutingRulesParser.parse(text);
            case PROFILES -> ProfileCatalog.parse(text);
        }
    }

    public static ConfigDocument named(String logical) {
        return Arrays.stream(values()).filter(d -> d.logical().equals(logical)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no configuration document '" + logical
                        + "' (routing-rules or profiles)"));
    }
}
