package dev.assetflow.ops.shadow;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.asset.Rendition;
import dev.assetflow.domain.asset.RenditionState;
import dev.assetflow.domain.shadow.ShadowResult;
import dev.assetflow.domain.storage.ObjectStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each shadow run beside the production renditions of the same asset, rendition by rendition (matched by name):
 * bytes, bitrate, a quality score of each against the original, and the encode time of the whole job; then the
 * totals, as shadow ÷ production ratios.
 */
final class ShadowComparison {
    private final AssetRepository assets;
    private final ObjectStore store;
    private final QualityScore quality;
    private final Path work;
    private final PrintStream out;
    private final List<Double> productionScores = new ArrayList<>();
    private final List<Double> shadowScores = new ArrayList<>();
    private long productionBytes;
    private long shadowBytes;
    private long productionMillis;
    private long shadowMillis;
    private int files;

    ShadowComparison(AssetRepository assets, ObjectStore store, QualityScore quality, Path work, PrintStream out) {
        this.assets = assets;
        this.store = store;
        this.quality = quality;
        this.work = work;
        this.out = out;
    }

    int report(List<ShadowResult> runs, int maxAssets) {
        if (runs.isEmpty()) {
            out.println("no shadow run of that profile yet: a rule names it in route.shadow, and its share of uploads is made with it");
            return 1;
        }
        String metric = quality.metric().name();
        out.printf(Locale.ROOT, "%-36s %-14s %12s %12s %8s %8s %8s %8s%n", "asset", "rendition", "prod bytes", "shadow bytes",
                "prod kbps", "shad kbps", "prod " + metric, "shad " + metric);
        int failed = 0;
        for (ShadowResult run : runs.stream().sorted(Comparator.comparing(ShadowResult::at).reversed()).limit(maxAssets).toList()) {
            Optional<Asset> asset = assets.find(new AssetId(run.assetId()));
            if (run.failed() || asset.isEmpty()) {
                failed++;
                out.printf("%-36s shadow %s%n", run.assetId(), run.failed() ? "FAILED: " + run.failure() : "of an asset that is gone");
                continue;
            }
            compare(asset.get(), run);
        }
        summary(runs.size(), failed);
        return 0;
    }

    private void compare(Asset asset, ShadowResult run) {
        Map<String, Rendition> production = latest(assets.renditions(asset.id()), run.productionProfile());
        Path original = null;
        for (ShadowResult.Made made : run.renditions()) {
            Rendition prod = production.get(made.name());
            if (prod == null) {
                out.printf(Locale.ROOT, "%-36s %-14s %12s %12d   (no production rendition of that name)%n", asset.id(), made.name(),
                        "-", made.bytes());
                continue;
            }
            Optional<Double> prodScore = Optional.empty();
            Optional<Double> shadowScore = Optional.empty();
            if (scorable(made.contentType()) && made.width() != null && made.height() != null) {
                original = original != null ? original : download(asset.source().bucket(), asset.source().key(), asset.id() + "-original");
                prodScore = quality.of(download(prod.bucket(), prod.key(), asset.id() + "-prod-" + file(made)), original,
                        prod.width(), prod.height());
                shadowScore = quality.of(download(made.bucket(), made.key(), asset.id() + "-shadow-" + file(made)), original,
                        made.width(), made.height());
                prodScore.ifPresent(productionScores::add);
                shadowScore.ifPresent(shadowScores::add);
            }
            productionBytes += prod.bytes();
            shadowBytes += made.bytes();
            files++;
            out.printf(Locale.ROOT, "%-36s %-14s %12d %12d %8s %8s %8s %8s%n", asset.id(), made.name(), prod.bytes(), made.bytes(),
                    kbps(prod.bytes(), made.durationSeconds()), kbps(made.bytes(), made.durationSeconds()),
                    score(prodScore), score(shadowScore));
        }
        Object prodMillis = asset.media().get("renderMillis");
        if (prodMillis instanceof Number millis && run.renderMillis() > 0) {
            productionMillis += millis.longValue();
            shadowMillis += run.renderMillis();
            out.printf(Locale.ROOT, "%-36s encode: production %d ms, shadow %d ms%n", asset.id(), millis.longValue(), run.renderMillis());
        }
    }

    private void summary(int runs, int failed) {
        out.printf(Locale.ROOT, "%n%d shadow runs (%d failed), %d renditions compared%n", runs, failed, files);
        if (files > 0) {
            out.printf(Locale.ROOT, "bytes: shadow / production = %.3f%n", (double) shadowBytes / Math.max(1, productionBytes));
        }
        if (productionMillis > 0) {
            out.printf(Locale.ROOT, "encode time: shadow / production = %.3f%n", (double) shadowMillis / productionMillis);
        }
        if (!productionScores.isEmpty() && !shadowScores.isEmpty()) {
            DoubleSummaryStatistics prod = productionScores.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            DoubleSummaryStatistics shadow = shadowScores.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            out.printf(Locale.ROOT, "%s against the originals: production mean %.4f (min %.4f), shadow mean %.4f (min %.4f)%n",
                    quality.metric(), prod.getAverage(), prod.getMin(), shadow.getAverage(), shadow.getMin());
        }
    }

    /** The production renditions of the profile, of its newest version that has any, by name. */
    private static Map<String, Rendition> latest(List<Rendition> renditions, String profile) {
        List<Rendition> done = renditions.stream().filter(r -> r.profile().equals(profile) && r.state() == RenditionState.DONE).toList();
        int version = done.stream().mapToInt(Rendition::profileVersion).max().orElse(-1);
        return done.stream().filter(r -> r.profileVersion() == version).collect(Collectors.toMap(Rendition::name, Function.identity()));
    }

    /** Pictures and the MP4 fallback are one file each; an HLS rung is a playlist of segments, compared by bytes only. */
    private static boolean scorable(String contentType) {
        return contentType != null && (contentType.startsWith("image/") || contentType.equals("video/mp4"));
    }

    private Path download(String bucket, String key, String name) {
        Path target = work.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"));
        store.download(bucket, key, target);
        return target;
    }

    private static String file(ShadowResult.Made made) {
        return made.key().substring(made.key().lastIndexOf('/') + 1);
    }

    private static String kbps(long bytes, Double seconds) {
        return seconds == null || seconds <= 0 ? "-" : String.format(Locale.ROOT, "%.0f", bytes * 8 / seconds / 1000);
    }

    private static String score(Optional<Double> score) {
        return score.map(s -> String.format(Locale.ROOT, "%.4f", s)).orElse("-");
    }
}
