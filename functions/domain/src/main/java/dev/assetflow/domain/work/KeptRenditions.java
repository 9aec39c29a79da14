package dev.assetflow.domain.work;

import dev.assetflow.domain.asset.Rendition;
import dev.assetflow.domain.asset.RenditionState;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which renditions of a newer profile version an earlier version already made: same name, same definition
 * (README, "Reprocessing by profile version"). The worker keeps them (checkpointed on the earlier object), and a
 * segmented video's fan-out leaves their rungs out of the chunks, both by this one rule.
 */
public final class KeptRenditions {

    private KeptRenditions() {
    }

    /** @return for each planned rendition an earlier version made the same way, the newest such rendition, by name */
    public static Map<String, Rendition> matching(List<Rendition> recorded, String profile, int profileVersion,
            List<RenditionPlan.Planned> planned) {
        Map<String, Rendition> kept = new LinkedHashMap<>();
        for (RenditionPlan.Planned wanted : planned) {
            if (wanted.definition() == null) {
                continue; // always made
            }
            recorded.stream()
                    .filter(r -> r.profile().equals(profile) && r.profileVersion() < profileVersion && r.state() == RenditionState.DONE
                            && r.name().equals(wanted.name()) && wanted.definition().equals(r.definition()))
                    .max(Comparator.comparingInt(Rendition::profileVersion))
                    .ifPresent(earlier -> kept.put(wanted.name(), earlier));
        }
        return kept;
    }

    /**
     * {@code key} relative to the directory {@code base} (both {@code /}-separated, {@code base} ending in
     * {@code /}): {@code renditions/a/p/v1/hls/360p/index.m3u8} from {@code renditions/a/p/v2/} is
     * {@code ../v1/hls/360p/index.m3u8}. Playlists refer to kept renditions this way, so they work from any host
     * (https://datatracker.ietf.org/doc/html/rfc3986#section-5.2).
     */
    public static String relative(String base, String key) {
        String[] from = base.split("/");
        String[] to = key.split("/");
        int common = 0;
        while (common < from.length && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder path = new StringBuilder();
        for (int i = common; i < from.length; i++) {
            path.append("../");
        }
        for (int i = common; i < to.length; i++) {
            path.append(to[i]).append(i < to.length - 1 ? "/" : "");
        }
        return path.toString();
    }
}
