package dev.assetflow.uploader;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * {@code scripts/upload FILE… --api URL}: uploads files through the upload API (parts in parallel, retried,
 * resumable), with a progress bar per file, then follows each asset to its terminal state and prints its
 * state changes and renditions. Exit status 0 when every asset is READY, 2 when one is not, 1 on bad usage.
 */
public final class UploadCommand {
    static final String USAGE = "usage: scripts/upload FILE... --api URL [--parallel-files N] [--parallel-parts N]"
            + " [--type CONTENT_TYPE] [--no-follow] [--wait-minutes M] [--state-dir DIR] [--bearer TOKEN]";

    record Settings(List<Path> files, URI api, int parallelFiles, int parallelParts, String contentType, boolean follow,
            Duration patience, Path stateDirectory, String bearer) {

        static Settings parse(String... args) {
            List<Path> files = new ArrayList<>();
            URI api = null;
            int files_ = 2;
            int parts = 4;
            String type = null;
            boolean follow = true;
            Duration wait = Duration.ofMinutes(30);
            Path state = Path.of(System.getProperty("user.home"), ".assetflow", "uploads");
            String bearer = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    files.add(Path.of(arg));
                    continue;
                }
                if (arg.equals("--no-follow")) {
                    follow = false;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value; " + USAGE);
                }
                String value = args[++i];
                switch (arg) {
                    case "--api" -> api = URI.create(value);
                    case "--parallel-files" -> files_ = positive(arg, value);
                    case "--parallel-parts" -> parts = positive(arg, value);
                    case "--type" -> type = value;
                    case "--wait-minutes" -> wait = Duration.ofMinutes(positive(arg, value));
                    case "--state-dir" -> state = Path.of(value);
                    case "--bearer" -> bearer = value;
                    default -> throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
                }
            }
            if (files.isEmpty() || api == null) {
                throw new IllegalArgumentException(USAGE);
            }
            for (Path file : files) {
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    throw new IllegalArgumentException("cannot read " + file);
                }
            }
            return new Settings(files, api, files_, parts, type, follow, wait, state, bearer);
        }

        private static int positive(String option, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException(option + " needs a positive whole number, not " + value);
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        System.exit(run(settings, System.out, System.console() != null));
    }

    static int run(Settings settings, PrintStream out, boolean terminal) throws Exception {
        UnaryOperator<HttpRequest.Builder> auth = settings.bearer() == null ? UnaryOperator.identity()
                : request -> request.header("Authorization", "Bearer " + settings.bearer());
        UploadApiClient api = new UploadApiClient(settings.api(), auth);
        List<Future<FileUpload.Result>> results = new ArrayList<>();
        try (ProgressBars bars = new ProgressBars(out, terminal);
                ExecutorService files = Executors.newFixedThreadPool(settings.parallelFiles())) {
            FileUpload upload = new FileUpload(api, new PartPut(), new FileUpload.Options(settings.parallelParts(), 6,
                    FileUpload.Options.defaults(settings.stateDirectory()).backoff(), new ResumeState(settings.stateDirectory())), bars);
            for (Path file : settings.files()) {
                String type = settings.contentType() != null ? settings.contentType() : ContentTypes.of(file.getFileName().toString());
                results.add(files.submit(() -> upload.upload(file, type)));
            }
            for (Future<FileUpload.Result> result : results) {
                result.get();
            }
        }
        List<String[]> uploaded = new ArrayList<>();
        boolean allGood = true;
        for (int i = 0; i < results.size(); i++) {
            String name = settings.files().get(i).getFileName().toString();
            switch (results.get(i).get()) {
                case FileUpload.Result.Uploaded done -> {
                    out.printf(Locale.ROOT, "%s: uploaded as asset %s (%d part(s) sent, %d resumed, %d retried)%n", name,
                            done.assetId(), done.partsSent(), done.partsResumed(), done.retries());
                    uploaded.add(new String[] {name, done.assetId()});
                }
                case FileUpload.Result.Refused refused -> {
                    out.printf("%s: refused by the API, HTTP %d %s%n", name, refused.status(), refused.message());
                    allGood = false;
                }
                case FileUpload.Result.Failed failed -> {
                    out.printf("%s: failed: %s%n", name, failed.message());
                    allGood = false;
                }
                case FileUpload.Result.Interrupted interrupted -> {
                    out.printf("%s: interrupted; run the same command again to resume%n", name);
                    allGood = false;
                }
            }
        }
        return settings.follow() ? (follow(api, uploaded, settings.patience(), out) && allGood ? 0 : 2) : (allGood ? 0 : 2);
    }

    /** Follows every uploaded asset at once; true when all end READY. */
    static boolean follow(UploadApiClient api, List<String[]> assets, Duration wait, PrintStream out) throws Exception {
        AssetFollower follower = new AssetFollower(api, Duration.ofSeconds(1));
        List<Future<Boolean>> ends = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String[] asset : assets) {
                ends.add(pool.submit(() -> {
                    UploadApiClient.ApiResponse last = follower.follow(asset[1], wait, body -> {
                        out.printf("%s %s: %s%s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), asset[0], body.path("state").asText(),
                                body.path("failure").isObject() ? " (" + body.path("failure").path("category").asText() + ": "
                                        + body.path("failure").path("reason").asText() + ")" : "");
                    });
                    printRenditions(asset[0], last, out);
                    return last.status() == 200 && last.body().path("state").asText().equals("READY");
                }));
            }
            boolean all = true;
            for (Future<Boolean> end : ends) {
                all &= end.get();
            }
            return all;
        }
    }

    private static synchronized void printRenditions(String name, UploadApiClient.ApiResponse last, PrintStream out) {
        if (last.status() != 200 || !AssetFollower.TERMINAL.contains(last.body().path("state").asText())) {
            out.printf("%s: not finished in time (last answer HTTP %d %s)%n", name, last.status(), last.body().path("state").asText(""));
            return;
        }
        for (JsonNode rendition : last.body().path("renditions")) {
            String dimensions = rendition.path("width").isNumber() ? rendition.path("width").asInt() + "x" + rendition.path("height").asInt() : "";
            out.printf(Locale.ROOT, "  %-28s %-10s %10s  %s%n", rendition.path("name").asText(), dimensions,
                    ProgressBars.size(rendition.path("bytes").asLong()), rendition.path("location").asText());
        }
    }
}
