package dev.assetflow.domain.work;

import java.util.List;

/**
 * What a worker will produce for one asset, decided after probing and checking limits and before the
 * expensive step. Rendition names are stable, so a retry finds the checkpoints of the first attempt.
 */
public record RenditionPlan(String profile, int profileVersion, List<Planned> renditions) {

    public RenditionPlan {
        renditions = List.copyOf(renditions);
    }

    /** One planned output. {@code width}/{@code height}/{@code durationSeconds} where they apply. */
    public record Planned(String name, String contentType, Integer width, Integer height, Double durationSeconds) {

        public static Planned file(String name, String contentType) {
            return new Planned(name, contentType, null, null, null);
        }
    }
}
