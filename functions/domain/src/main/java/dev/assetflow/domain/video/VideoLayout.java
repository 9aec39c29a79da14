package dev.assetflow.domain.video;

import dev.assetflow.domain.work.RenditionPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a video's renditions are, whichever engine makes them: the ladder's HLS variants (video only),
 * one HLS audio rendition they share when the source has sound, the master playlist, the MP4 fallback,
 * the poster and the storyboard, with the same names and keys on both paths, so a consumer cannot tell
 * which path made an asset. A segmented video's chunk messages carry it, so every chunk and the
 * assembly work from the one plan the video worker made. {@code kept} names the renditions an earlier profile
 * version made with the same definition (a reprocess): their rungs are not encoded again.
 */
public record VideoLayout(String profile, int profileVersion, SourceVideo source, List<LadderRung> ladder, String fallbackRung,
        int segmentSeconds, String x264Preset, int audioKbps, Poster poster, Storyboard storyboard, Set<String> kept) {

    public static final String MASTER = "hls/master";
    public static final String AUDIO = "hls/audio";
    public static final String POSTER = "poster";
    public static final String STORYBOARD = "storyboard";
    public static final String HLS_CONTENT_TYPE = "application/vnd.apple.mpegurl";

    public VideoLayout {
        ladder = List.copyOf(ladder);
        kept = kept == null ? Set.of() : Set.copyOf(kept); // absent in messages sent before reprocessing kept rungs
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
                Storyboard.plan(profile.storyboard(), source), Set.of());
    }

    /** This layout, keeping the named renditions that an earlier profile version made with the same definition. */
    public VideoLayout keeping(Set<String> renditions) {
        return new VideoLayout(profile, profileVersion, source, ladder, fallbackRung, segmentSeconds, x264Preset, audioKbps, poster,
                storyboard, renditions);
    }

    /**
     * The rungs to encode: those not kept, and the fallback's when the MP4 is not kept (it is copied from that rung's
     * segments); never none, as the poster and thumbnails are taken from a rung encoded in the same run (the smallest
     * one then, the cheapest to make).
     */
    public List<LadderRung> encodedLadder() {
        List<LadderRung> encoded = ladder.stream()
                .filter(rung -> !kept.contains(hlsName(rung)) || rung.equals(fallback()) && !kept.contains(mp4Name(rung)))
                .toList();
        return encoded.isEmpty() ? List.of(ladder.get(ladder.size() - 1)) : encoded;
    }

    /** Whether the audio rendition is encoded: there is sound, and it or the MP4 (which copies it) is not kept. */
    public boolean encodesAudio() {
        return hasAudio() && !(kept.contains(AUDIO) && kept.contains(mp4Name(fallback())));
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

    /**
     * Every rendition, required ones first; poster and storyboard are optional (the asset may end PARTIAL without
     * them). Each but the master has a definition, what decides its bytes: a rung's size, rates, level, preset and
     * segment grid (a kept rung must cut where the new ones do), the audio's rate and grid, the MP4's both, the stills'
     * sizes and times. The master lists whichever rungs exist, so it is always written again.
     */
    public List<RenditionPlan.Planned> renditions() {
        double duration = source.durationSeconds();
        List<RenditionPlan.Planned> planned = new ArrayList<>();
        for (LadderRung rung : ladder) {
            planned.add(new RenditionPlan.Planned(hlsName(rung), HLS_CONTENT_TYPE, rung.width(), rung.height(), duration)
                    .withDefinition(rungDefinition(rung)));
        }
        if (hasAudio()) {
            planned.add(new RenditionPlan.Planned(AUDIO, HLS_CONTENT_TYPE, null, null, duration).withDefinition(audioDefinition()));
        }
        LadderRung top = ladder.get(0);
        planned.add(new RenditionPlan.Planned(MASTER, HLS_CONTENT_TYPE, top.width(), top.height(), duration));
        planned.add(new RenditionPlan.Planned(mp4Name(fallback()), "video/mp4", fallback().width(), fallback().height(), duration)
                .withDefinition("mp4 of " + rungDefinition(fallback()) + (hasAudio() ? " with " + audioDefinition() : "")));
        planned.add(new RenditionPlan.Planned(POSTER, "image/jpeg", poster.width(), poster.height(), null).asOptional()
                .withDefinition(String.format(Locale.ROOT, "poster jpeg %dx%d at %.3f s", poster.width(), poster.height(), poster.atSeconds())));
        planned.add(new RenditionPlan.Planned(STORYBOARD, "text/vtt", storyboard.spriteWidth(), storyboard.spriteHeight(), duration)
                .asOptional().withDefinition(String.format(Locale.ROOT, "storyboard %d thumbnails %dx%d every %.3f s in %d columns",
                        storyboard.count(), storyboard.thumbWidth(), storyboard.thumbHeight(), storyboard.intervalSeconds(),
                        storyboard.columns())));
        return planned;
    }

    /**
     * The renditions as a MediaConvert job makes them: their definitions name the engine, so a rung is kept only from
     * an earlier job's (MediaConvert's GOP and segment cuts are its own, and the variants of one master must switch
     * at the same instants), never from ffmpeg's, and the other way round.
     */
    public List<RenditionPlan.Planned> renditionsByMediaConvert() {
        return renditions().stream().map(p -> p.definition() == null ? p : p.withDefinition("mediaconvert " + p.definition())).toList();
    }

    private String rungDefinition(LadderRung rung) {
        return String.format(Locale.ROOT, "h264 %dx%d %d kbps max %d level %s preset %s segments %d s", rung.width(), rung.height(),
                rung.videoKbps(), rung.maxKbps(), rung.level(), x264Preset, segmentSeconds);
    }

    private String audioDefinition() {
        return String.format(Locale.ROOT, "aac %d kbps segments %d s", audioKbps, segmentSeconds);
    }

    /** The master playlist, with every variant under this version. */
    public String masterPlaylist() {
        return masterPlaylist(Map.of());
    }

    /**
     * The master playlist at {@code hls/master.m3u8}: a variant (or the audio) this version keeps from an earlier one
     * is named by its path relative to the master ({@code ../../v1/hls/360p/index.m3u8}), the others by theirs.
     * @param keptAt kept renditions' main keys relative to this version's prefix ({@link RenditionPlan#keptAt()})
     */
    public String masterPlaylist(Map<String, String> keptAt) {
        return masterPlaylist(keptAt, rendition -> rendition.substring("hls/".length()) + "/index.m3u8");
    }

    /**
     * The master playlist naming kept variants (and audio) as {@link #masterPlaylist(Map)} does, and those made now by
     * {@code made} of their rendition name (a path relative to the master: a MediaConvert job names its own).
     */
    public String masterPlaylist(Map<String, String> keptAt, Function<String, String> made) {
        Function<String, String> uri = rendition -> keptAt.containsKey(rendition) ? "../" + keptAt.get(rendition) : made.apply(rendition);
        return HlsMasterPlaylist.render(ladder.stream()
                .map(rung -> HlsMasterPlaylist.of(rung, uri.apply(hlsName(rung)), audioKbps, hasAudio(), source.frameRate()))
                .toList(), hasAudio() ? Optional.of(uri.apply(AUDIO)) : Optional.empty());
    }
}
