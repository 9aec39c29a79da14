package dev.assetflow.domain.classify;

import dev.assetflow.domain.asset.MediaKind;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import java.nio.charset.StandardCharsets;

/**
 * An SVG whose DOCTYPE declares anything (an internal subset: {@code <!DOCTYPE svg [ <!ENTITY … > ]>})
 * is refused at ingest: entities are how XML expands itself a billion times or reads a local file (XXE).
 * A plain public DOCTYPE, as older editors write it, is harmless (the DTD is never fetched) and accepted.
 * The image worker checks the whole file again before drawing it.
 */
final class SvgDeclarations {
    static final String SVG = "image/svg+xml";

    private SvgDeclarations() {
    }

    /** Whether the first bytes of an SVG declare entities (the prolog always lies within them). */
    static boolean declaresEntities(String detectedType, byte[] prefix) {
        if (!SVG.equals(detectedType)) {
            return false;
        }
        String text = new String(prefix, StandardCharsets.UTF_8);
        int doctype = text.indexOf("<!DOCTYPE");
        if (text.contains("<!ENTITY")) {
            return true;
        }
        if (doctype < 0) {
            return false;
        }
        int end = text.indexOf('>', doctype);
        int subset = text.indexOf('[', doctype);
        return subset >= 0 && (end < 0 || subset < end);
    }

    /** TYPE_MISMATCH when the name claims another media type (a .png), else UNSUPPORTED_TYPE; both say why. */
    static Failure refusal(String claimedType, String fileName) {
        String why = "an SVG whose DOCTYPE declares entities, which can expand without bound or read local files;"
                + " save it without the DOCTYPE's declarations and upload it again";
        if (claimedType != null && !SVG.equals(claimedType) && MediaKind.ofMimeType(claimedType) != MediaKind.OTHER) {
            return Failure.of(FailureCategory.TYPE_MISMATCH, "the name '" + fileName + "' says " + claimedType
                    + " but the file holds " + why);
        }
        return Failure.of(FailureCategory.UNSUPPORTED_TYPE, "'" + fileName + "' is " + why);
    }
}
