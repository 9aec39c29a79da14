package dev.assetflow.domain.asset;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** An asset's identity: a lowercase UUID, chosen by the upload API or derived from the upload itself. */
public record AssetId(String value) {
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public AssetId {
        Objects.requireNonNull(value, "value");
        if (!UUID_FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not an asset id: " + value);
        }
    }

    public static AssetId random() {
        return new AssetId(UUID.randomUUID().toString());
    }

    /** Same input, same id: an upload that did not come through the API still gets a stable id. */
    public static AssetId derivedFrom(String stableKey) {
        return new AssetId(UUID.nameUUIDFromBytes(stableKey.getBytes(StandardCharsets.UTF_8)).toString());
    }

    public static boolean isValid(String candidate) {
        return candidate != null && UUID_FORM.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
