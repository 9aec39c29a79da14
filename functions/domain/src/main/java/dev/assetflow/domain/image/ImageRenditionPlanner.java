package dev.assetflow.domain.image;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Decides which renditions an image gets: every profile width at or below the source's displayed
 * width (never upscaled), in every format; a source narrower than the smallest width gets one
 * rendition per format at its own width.
 */
public final class ImageRenditionPlanner {

    private ImageRenditionPlanner() {
    }

    /** @param displayWidth the width after orientation is applied; likewise {@code displayHeight} */
    public static List<ImageRenditionSpec> plan(ImageProfile profile, int displayWidth, int displayHeight) {
        if (displayWidth <= 0 || displayHeight <= 0) {
            throw new IllegalArgumentException("source dimensions must be positive");
        }
        TreeSet<Integer> widths = new TreeSet<>();
        for (int width : profile.widths()) {
            if (width <= displayWidth) {
                widths.add(width);
            }
        }
        if (widths.isEmpty()) {
            widths.add(displayWidth);
        }
        List<ImageRenditionSpec> specs = new ArrayList<>();
        for (int width : widths) {
            int height = Math.max(1, (int) Math.round((double) displayHeight * width / displayWidth));
            for (ImageFormat format : profile.formats()) {
                specs.add(new ImageRenditionSpec(width + "w." + format.extension(), width, height, format));
            }
        }
        return specs;
    }
}
