package dev.assetflow.domain.video;

import dev.assetflow.domain.work.RenditionPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a video's renditions are, whichever engine makes them: the ladder's HLS variants (video only),
 * one HLS audio rendition they share when the source has sound, the master playlist, the MP4 fallback,
 * the poster and the storyboard, with the same names and keys on both paths, so a consumer cannot tell
 * which path made an asset. A segmented video's chunk messages carry it, so every chunk and the
 * assembly work from the one plan the video worker made.
 */
public record VideoLayout(String profile, int profileVersion, SourceVideo source, List<LadderRung> ladder, String fallbackRung,
        int segmentSeconds, String x264Preset, int audioKbps, Poster poster, Storyboard storyboard) {

    public static final String MASTER = "hls/master";
    public static final String AUDIO = "hls/audio";
    public static final String POSTER = "poster";
    public static final String STORYBOARD = "storyboard";
    public static final String HLS_CONTENT_TYPE = "application/vnd.apple.mpegurl";

    public VideoLayout {
        ladder = List.copyOf(ladder);
    }

    /** The poster frame: the first frame at or after {@code atSeconds}, scaled to {@code width}x{@code height}. */
    public record Poster(double atSeconds, int width, int height) {}

    public static VideoLayout of(VideoProfile profile, SourceVideo source) {
        List<LadderRung> ladder = LadderPlanner.plan(profile, source);
        int width = Math.max(2, Math.min(source.displayWidth(), profile.poster().maxWidth()) & ~1);
        int height = Math.max(2, (int) Math.round((double) source.displayHeight() * width / source.displayWidth()) & ~1);
        return new VideoLayout(profile.name(), profile.version(), source, ladder,
                LadderPlanner.fallback(ladder, profile.fallbackMaxShortSide()).name(), profile.segmentSeconds(),
                profile.x264Preset(), profile.audioKbps(),
                new Poster(source.durationSeconds() * profile.poster().atFraction(), width, height),
                Storyboard.plan(profile.storyboard(), source));
    }

    public LadderRung fallback() {
        return ladder.stream().filter(rung -> rung.name().equals(fallbackRung)).findFirst().orElseThrow();
    }

    public boolean hasAudio() {
        return source.hasAudio();
    }

    /** Segments of every variant: the grid both paths cut on. */
    public int segmentCount() {
        return (int) Math.ceil(source.durationSeconds() / segmentSeconds - 1e-9);
    }

    public static String hlsName(LadderRung rung) {
        return "hls/" + rung.name();
    }

    public static String mp4Name(LadderRung rung) {
        return "mp4/" + rung.name();
    }

    /** Every rendition, required ones first; poster and storyboard are optional (the asset may end PARTIAL without them). */
    public List<RenditionPlan.Planned> renditions() {
        double duration = source.durationSeconds();
        List<RenditionPlan.Planned> planned = new ArrayList<>();
        for (LadderRung rung : ladder) {
            planned.add(new RenditionPlan.Planned(hlsName(rung), HLS_CONTENT_TYPE, rung.width(), rung.height(), duration));
        }
        if (hasAudio()) {
            planned.add(new RenditionPlan.Planned(AUDIO, HLS_CONTENT_TYPE, null, null, duration));
        }
        LadderRung top = ladder.get(0);
        planned.add(new RenditionPlan.Planned(MASTER, HLS_CONTENT_TYPE, top.width(), top.height(), duration));
        planned.add(new RenditionPlan.Planned(mp4Name(fallback()), "video/mp4", fallback().width(), fallback().height(), duration));
        planned.add(new RenditionPlan.Planned(POSTER, "image/jpeg", poster.width(), poster.height(), null).asOptional());
        planned.add(new RenditionPlan.Planned(STORYBOARD, "text/vtt", storyboard.spriteWidth(), storyboard.spriteHeight(), duration)
                .asOptional());
        return planned;
    }

    public String masterPlaylist() {
        return HlsMasterPlaylist.render(ladder.stream()
                .map(rung -> HlsMasterPlaylist.of(rung, rung.name() + "/index.m3u8", audioKbps, hasAudio(), source.frameRate()))
                .toList(), hasAudio() ? Optional.of("audio/index.m3u8") : Optional.empty());
    }
}
