package dev.assetflow.domain.image;

/** One image rendition to produce: {@code name} is stable, e.g. {@code 640w.webp}. */
public record ImageRenditionSpec(String name, int width, int height, ImageFormat format) {
}
