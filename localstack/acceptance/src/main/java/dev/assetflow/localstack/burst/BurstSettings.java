package dev.assetflow.localstack.burst;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The burst's knobs.
 *
 * @param count          uploads in the burst
 * @param concurrency    clients at once (each does POST /uploads, then its PUT or parts)
 * @param multipartShare the share of uploads sent in parts (a WAV of {@code multipartMib} MiB, 3 parts for the default 17)
 * @param multipartMib   the size of that WAV; above the 16 MiB multipart threshold of the command's own stack
 * @param api            an API to burst instead of a local stack of the command's own (no event checks then)
 * @param patience       how long to wait for every asset to end
 */
public record BurstSettings(int count, int concurrency, double multipartShare, int multipartMib, Optional<URI> api, Duration patience) {
    static final String USAGE = "usage: scripts/burst [--count N (500)] [--concurrency N (= count)] [--multipart-share F (0.1)] [--multipart-mib M (17)]"
            + " [--api URL] [--wait-minutes M (20)]";

    public static BurstSettings parse(String... args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value; " + USAGE);
        }
        int count = 500;
        Integer concurrency = null;
        double share = 0.1;
        int mib = 17;
        Optional<URI> api = Optional.empty();
        Duration patience = Duration.ofMinutes(20);
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(value);
                case "--concurrency" -> concurrency = Integer.parseInt(value);
                case "--multipart-share" -> share = Double.parseDouble(value);
                case "--multipart-mib" -> mib = Integer.parseInt(value);
                case "--api" -> api = Optional.of(URI.create(value));
                case "--wait-minutes" -> patience = Duration.ofMinutes(Long.parseLong(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        BurstSettings settings = new BurstSettings(count, concurrency == null ? count : concurrency, share, mib, api, patience);
        if (count < 1 || settings.concurrency() < 1 || share < 0 || share > 1 || mib <= BurstSamples.MULTIPART_THRESHOLD >> 20) {
            throw new IllegalArgumentException("count and concurrency must be positive, the multipart share 0 to 1, the multipart file over "
                    + (BurstSamples.MULTIPART_THRESHOLD >> 20) + " MiB; " + USAGE);
        }
        return settings;
    }

    int multipartUploads() {
        return (int) Math.round(count * multipartShare);
    }
}
