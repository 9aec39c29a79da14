package dev.assetflow.domain.asset;

import java.util.Locale;

/** The work-queue class a routing rule sends an asset to; REVIEW is for what no rule accepts. */
public enum Priority {
    CRITICAL,
    STANDARD,
    BULK,
    REVIEW;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
