package dev.assetflow.domain.work;

import java.util.List;
import java.util.Map;

/**
 * What a worker will produce for one asset, decided after probing and checking limits and before the
 * expensive step. Rendition names are stable, so a retry finds the checkpoints of the first attempt.
 * {@code media} is what probing found (recorded on the asset; empty when there is nothing new).
 */
public record RenditionPlan(String profile, int profileVersion, List<Planned> renditions, Map<String, Object> media) {

    public RenditionPlan {
        renditions = List.copyOf(renditions);
        media = media == null ? Map.of() : Map.copyOf(media);
    }

    public RenditionPlan(String profile, int profileVersion, List<Planned> renditions) {
        this(profile, profileVersion, renditions, Map.of());
    }

    /**
     * One planned output. {@code width}/{@code height}/{@code durationSeconds} where they apply. An
     * {@code optional} one (a poster, a storyboard, a waveform) may fail without failing the asset: it
     * ends PARTIAL, and the repair command makes what is missing later.
     */
    public record Planned(String name, String contentType, Integer width, Integer height, Double durationSeconds,
            boolean optional, String definition) {

        public Planned(String name, String contentType, Integer width, Integer height, Double durationSeconds, boolean optional) {
            this(name, contentType, width, height, durationSeconds, optional, null);
        }

        public Planned(String name, String contentType, Integer width, Integer height, Double durationSeconds) {
            this(name, contentType, width, height, durationSeconds, false, null);
        }

        /**
         * What decides this output's bytes, as text (format, size, quality…): a rendition of a newer profile version
         * with the same definition as one already made is kept, not made again. Null: always made.
         */
        public Planned withDefinition(String text) {
            return new Planned(name, contentType, width, height, durationSeconds, optional, text);
        }

        public static Planned file(String name, String contentType) {
            return new Planned(name, contentType, null, null, null);
        }

        public Planned asOptional() {
            return new Planned(name, contentType, width, height, durationSeconds, true, definition);
        }
    }
}
