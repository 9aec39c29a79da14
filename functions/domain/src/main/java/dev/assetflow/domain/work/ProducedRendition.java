package dev.assetflow.domain.work;

import java.nio.file.Path;
import java.util.Map;

/**
 * A rendition a renderer made: its files by key relative to the asset's rendition prefix (an image is
 * one file; an HLS variant is a playlist, an init segment and media segments), and which of them is
 * the rendition's entry point (the key recorded in its checkpoint and event; with no files, an object
 * already in the bucket). {@code storedBytes} counts
 * what is already in the bucket and part of it (a segmented video's segments, uploaded by its chunks).
 */
public record ProducedRendition(RenditionPlan.Planned planned, Map<String, Path> files, String mainKey, long storedBytes) {

    public ProducedRendition(RenditionPlan.Planned planned, Map<String, Path> files, String mainKey) {
        this(planned, files, mainKey, 0);
    }

    public ProducedRendition {
        files = Map.copyOf(files);
        if (!files.isEmpty() && !files.containsKey(mainKey)) {
            throw new IllegalArgumentException("the main key " + mainKey + " is not among the rendition's files");
        }
    }

    /**
     * A rendition another service already wrote to the bucket (a MediaConvert job's output): nothing to
     * upload, only its checkpoint and event, which name {@code mainKey}.
     */
    public static ProducedRendition stored(RenditionPlan.Planned planned, String mainKey, long storedBytes) {
        return new ProducedRendition(planned, Map.of(), mainKey, storedBytes);
    }

    /** The entry point's file (null for a rendition {@link #stored} by another service). */
    public Path mainFile() {
        return files.get(mainKey);
    }

    /**
     * A rendition of one file, stored under its name with the file's extension ({@code preview} →
     * {@code preview.jpg}), so that the key says what it is and the object gets its content type.
     */
    public static ProducedRendition single(RenditionPlan.Planned planned, Path file) {
        String key = planned.name().contains(".") ? planned.name() : planned.name() + extension(file);
        return new ProducedRendition(planned, Map.of(key, file), key);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }
}
