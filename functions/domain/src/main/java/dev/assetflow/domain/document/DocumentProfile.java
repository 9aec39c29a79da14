package dev.assetflow.domain.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Documents: a preview image of the first page at most {@code previewWidth} wide, never rendered
 * above {@code maxPreviewPixels}, and the page count. {@code maxPages} guards against page bombs.
 */
public record DocumentProfile(String name, int version, int previewWidth, long maxPreviewPixels, int maxPages) {

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank() || version <= 0) {
            problems.add("a document profile needs a name and a positive version");
        }
        if (previewWidth < 16 || maxPreviewPixels < (long) previewWidth * previewWidth || maxPages < 1) {
            problems.add(name + ": previewWidth >= 16, maxPreviewPixels >= previewWidth squared, maxPages >= 1");
        }
        return problems;
    }
}
