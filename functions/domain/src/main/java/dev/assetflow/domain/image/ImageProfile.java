package dev.assetflow.domain.image;

import java.util.ArrayList;
import java.util.List;

/** A responsive-image profile: target widths, output formats and encoder quality (1-100). */
public record ImageProfile(String name, int version, List<Integer> widths, List<ImageFormat> formats, int quality) {

    public ImageProfile {
        widths = List.copyOf(widths);
        formats = List.copyOf(formats);
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("an image profile needs a name");
        }
        if (version <= 0) {
            problems.add(name + ": version must be positive");
        }
        if (widths.isEmpty() || widths.stream().anyMatch(w -> w == null || w <= 0)) {
            problems.add(name + ": widths must be positive numbers");
        }
        if (formats.isEmpty()) {
            problems.add(name + ": at least one format is needed");
        }
        if (quality < 1 || quality > 100) {
            problems.add(name + ": quality must be 1-100");
        }
        return problems;
    }
}
