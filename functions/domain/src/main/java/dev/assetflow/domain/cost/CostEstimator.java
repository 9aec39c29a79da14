package dev.assetflow.domain.cost;

import dev.assetflow.domain.video.EncodeEstimate;
import dev.assetflow.domain.video.LadderRung;
import dev.assetflow.domain.video.VideoLayout;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an asset will cost, worked out before anything is encoded, from the plan and the price table.
 * MediaConvert: minutes of every output (each rung, the audio, the MP4 fallback, the two frame-capture
 * outputs) at the price of its class, each at least 10 s as MediaConvert bills it
 * (https://aws.amazon.com/mediaconvert/pricing/). ffmpeg in Lambda: the encode estimate's CPU-seconds
 * spread over the worker's vCPUs, times its memory, in GB-seconds. Images, audio and documents: at most
 * their worker's memory times its timeout (a bound, as they are not estimated by their content).
 */
public final class CostEstimator {
    /** Lambda gives a function one vCPU per 1769 MB (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html). */
    static final double MB_PER_VCPU = 1769.0;
    private static final double MIN_BILLED_MINUTES = 10.0 / 60;

    /** A function's size as deployed. */
    public record WorkerSize(int memoryMb, int timeoutSeconds) {}

    private final PriceTable prices;
    private final Map<String, WorkerSize> workers;

    /** @param workers function name → its size, from the bundled topology */
    public CostEstimator(PriceTable prices, Map<String, WorkerSize> workers) {
        this.prices = prices;
        this.workers = Map.copyOf(workers);
    }

    public CostEstimate mediaConvert(VideoLayout layout) {
        double minutes = Math.max(MIN_BILLED_MINUTES, layout.source().durationSeconds() / 60);
        Map<OutputClass, Integer> outputs = new EnumMap<>(OutputClass.class);
        layout.ladder().forEach(rung -> outputs.merge(OutputClass.of(rung), 1, Integer::sum));
        outputs.merge(OutputClass.of(layout.fallback()), 1, Integer::sum); // the MP4 fallback
        outputs.merge(OutputClass.SD, 2, Integer::sum); // the poster's and the storyboard's frame captures
        if (layout.hasAudio()) {
            outputs.merge(OutputClass.AUDIO, 1, Integer::sum);
        }
        PriceTable.PerOutputMinute rate = prices.mediaConvert().perOutputMinute();
        double perMinute = outputs.entrySet().stream().mapToDouble(e -> e.getKey().price(rate) * e.getValue()).sum();
        return new CostEstimate("mediaconvert", perMinute * minutes, String.format(Locale.ROOT, "%.2f min x %d outputs %s at %s"
                + " MediaConvert prices", minutes, outputs.values().stream().mapToInt(Integer::intValue).sum(), outputs, prices.region()),
                prices.asOf());
    }

    /** How MediaConvert prices an output: SD below 720 lines, HD up to 1080, UHD above (by the short side), audio only. */
    enum OutputClass {
        UHD, HD, SD, AUDIO;

        static OutputClass of(LadderRung rung) {
            int lines = Math.min(rung.width(), rung.height());
            return lines > 1080 ? UHD : lines >= 720 ? HD : SD;
        }

        double price(PriceTable.PerOutputMinute rate) {
            return switch (this) {
                case UHD -> rate.uhd();
                case HD -> rate.hd();
                case SD -> rate.sd();
                case AUDIO -> rate.audio();
            };
        }
    }

    public CostEstimate ffmpeg(String engine, String worker, EncodeEstimate estimate) {
        WorkerSize size = size(worker);
        double vcpus = size.memoryMb() / MB_PER_VCPU;
        double gbSeconds = estimate.cpuSeconds() / vcpus * size.memoryMb() / 1024;
        return new CostEstimate(engine, gbSeconds * prices.lambda().perGbSecond() + prices.lambda().perRequest(), String.format(Locale.ROOT,
                "%.0f GB-s of %s (%.0f CPU-s of encoding on %.1f vCPUs at %d MB)", gbSeconds, worker, estimate.cpuSeconds(), vcpus,
                size.memoryMb()), prices.asOf());
    }

    /** An upper bound: one invocation of the worker, as long as its timeout allows. */
    public CostEstimate atMost(String worker) {
        WorkerSize size = size(worker);
        double gbSeconds = (double) size.memoryMb() / 1024 * size.timeoutSeconds();
        return new CostEstimate("ffmpeg", gbSeconds * prices.lambda().perGbSecond() + prices.lambda().perRequest(), String.format(Locale.ROOT,
                "at most %.0f GB-s: one %s invocation of %d MB for its whole %d s timeout", gbSeconds, worker, size.memoryMb(),
                size.timeoutSeconds()), prices.asOf());
    }

    private WorkerSize size(String worker) {
        WorkerSize size = workers.get(worker);
        if (size == null) {
            throw new IllegalArgumentException("no size known for function " + worker);
        }
        return size;
    }
}
