package dev.assetflow.ops.shadow;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.shadow.DynamoShadowLedger;
import dev.assetflow.aws.storage.S3ObjectStore;
import dev.assetflow.media.MediaTools;
import dev.assetflow.media.ProcessRunner;
import dev.assetflow.ops.CommandClients;
import dev.assetflow.ops.CommandOptions;
import dev.assetflow.topology.ResourceNames;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code scripts/shadow-report}: production and shadow renditions of the same assets side by side (README,
 * "Shadow pipeline"), so a profile change is judged on real traffic before it is rolled out.
 */
public final class ShadowReportCommand {
    static final String USAGE = """
            usage: scripts/shadow-report --profile SHADOW_PROFILE (--prefix PREFIX | --assets-table NAME)
                                         [--metric ssim|vmaf] [--seconds 10] [--max-assets 50]
                                         [--endpoint URL] [--region REGION]
              --profile          the shadow profile a rule names (route.shadow.profile)
              --prefix PREFIX    the local stack's resources; on AWS --assets-table (stack output AssetsTable)
              --metric           ssim (default; 1 is identical) or vmaf (0-100), each rendition against its original
              --seconds          how much of a video is compared (from its start)""";

    private ShadowReportCommand() {
    }

    public static void main(String[] args) {
        CommandOptions.main("shadow-report", USAGE, args, command -> run(command, MediaTools.fromVenv(), System.out));
    }

    /** @return 0 when there was something to compare; 1 when no shadow run of the profile was found */
    public static int run(CommandOptions command, MediaTools tools, PrintStream out) {
        String profile = command.required("--profile");
        QualityScore.Metric metric = QualityScore.Metric.valueOf(command.get("--metric", "ssim").toUpperCase(Locale.ROOT));
        Optional<String> prefix = Optional.ofNullable(command.options().get("--prefix"));
        try (AwsClients clients = CommandClients.of(Optional.ofNullable(command.options().get("--endpoint")).map(URI::create),
                command.get("--region", "us-east-1"))) {
            String table = prefix.map(p -> new ResourceNames(p).of("assets")).orElseGet(() -> command.required("--assets-table"));
            Path work = Files.createTempDirectory("shadow-report-");
            try {
                ShadowComparison comparison = new ShadowComparison(new DynamoAssetRepository(clients.dynamoDb(), table),
                        new S3ObjectStore(clients.s3(), clients::presigner),
                        new QualityScore(tools, new ProcessRunner(), metric,
                                Integer.parseInt(command.get("--seconds", "10"))), work, out);
                return comparison.report(new DynamoShadowLedger(clients.dynamoDb(), table).ofProfile(profile),
                        Integer.parseInt(command.get("--max-assets", "50")));
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
