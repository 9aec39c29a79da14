package dev.assetflow.domain.work;

import java.util.List;
import java.util.Map;

/**
 * What a worker will produce for one asset, decided after probing and checking limits and before the
 * expensive step. Rendition names are stable, so a retry finds the checkpoints of the first attempt.
 * {@code media} is what probing found (recorded on the asset; empty when there is nothing new). {@code keptAt}
 * names the renditions of this version that an earlier version made and this one keeps, each with its main key
 * relative to this version's prefix ({@code ../v1/hls/360p/index.m3u8}), so a playlist can refer to them.
 */
public record RenditionPlan(String profile, int profileVersion, List<Planned> renditions, Map<String, Object> media,
        Map<String, String> keptAt) {

    public RenditionPlan {
        renditions = List.copyOf(renditions);
        media = media == null ? Map.of() : Map.copyOf(media);
        keptAt = keptAt == null ? Map.of() : Map.copyOf(keptAt);
    }

    public RenditionPlan(String profile, int profileVersion, List<Planned> renditions, Map<String, Object> media) {
        this(profile, profileVersion, renditions, media, Map.of());
    }

    /** This plan, knowing where the renditions it keeps from earlier versions are. */
    public RenditionPlan keeping(Map<String, String> keptAt) {
        return new RenditionPlan(profile, profileVersion, renditions, media, keptAt);
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
