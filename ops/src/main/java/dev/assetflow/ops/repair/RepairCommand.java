package dev.assetflow.ops.repair;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.runtime.config.Env;
import dev.assetflow.aws.work.SqsWorkDispatcher;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetState;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.repair.PartialRepair;
import dev.assetflow.topology.ResourceNames;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.assetflow.ops.CommandClients;
import dev.assetflow.ops.CommandOptions;
/**
 * {@code scripts/repair}: asks the workers to make what PARTIAL assets are missing. It sends each
 * asset's work again, marked as a repair, to the work queue its route names; the worker reopens the
 * asset and produces only the renditions without a checkpoint (README, "Failure model").
 */
public final class RepairCommand {
    static final String USAGE = """
            usage: scripts/repair [--endpoint URL] [--region REGION]
                                  (--prefix PREFIX | --assets-table NAME --work-queues JSON)
                                  (--asset ID,... | --all-partial) [--by NAME]
              --prefix PREFIX       the local stack's resources: table PREFIX-assets, its work queues
              --assets-table NAME   on AWS, the stack outputs AssetsTable and WorkQueueUrls
              --asset ID,...        these assets (each must be PARTIAL)
              --all-partial         every PARTIAL asset (a scan of the assets table)
              --by NAME             who asks, for each asset's history (default: operator:$USER)""";

    private RepairCommand() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        try {
            System.exit(run(options(args), System.out));
        } catch (IllegalArgumentException e) {
            System.err.println("repair: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    /** @return 0, or 1 when an asset could not be sent for repair */
    public static int run(Map<String, String> options, PrintStream out) {
        Optional<String> prefix = Optional.ofNullable(options.get("--prefix"));
        if (prefix.isEmpty() && (!options.containsKey("--assets-table") || !options.containsKey("--work-queues"))) {
            throw new IllegalArgumentException("give --prefix, or --assets-table with --work-queues");
        }
        if (options.containsKey("--asset") == options.containsKey("--all-partial")) {
            throw new IllegalArgumentException("give either --asset or --all-partial");
        }
        try (AwsClients clients = CommandClients.of(Optional.ofNullable(options.get("--endpoint")).map(URI::create),
                options.getOrDefault("--region", "us-east-1"))) {
            String table = prefix.map(p -> new ResourceNames(p).of("assets")).orElseGet(() -> options.get("--assets-table"));
            DynamoAssetRepository assets = new DynamoAssetRepository(clients.dynamoDb(), table);
            Map<String, String> workQueues = prefix.map(p -> CommandClients.localWorkQueues(clients, new ResourceNames(p)))
                    .orElseGet(() -> new Env(Map.of("WORK_QUEUES", options.get("--work-queues"))).jsonMap("WORK_QUEUES"));
            SqsWorkDispatcher dispatcher = new SqsWorkDispatcher(clients.sqs(), workQueues, null);
            List<AssetId> ids = options.containsKey("--all-partial") ? assets.idsInState(AssetState.PARTIAL)
                    : List.of(options.get("--asset").split(",")).stream().map(AssetId::new).toList();
            PartialRepair repair = new PartialRepair(assets, dispatcher, Clock.systemUTC());
            String by = options.getOrDefault("--by", "operator:" + System.getProperty("user.name"));
            int failed = 0;
            for (AssetId id : ids) {
                try {
                    switch (repair.repair(id, by)) {
                        case PartialRepair.Sent sent -> out.printf("%s: sent for repair (%s)%n", id,
                                sent.asset().failure() == null ? "" : sent.asset().failure().reason());
                        case PartialRepair.NotFound notFound -> {
                            out.printf("%s: not repaired: it is unknown%n", id);
                            failed++;
                        }
                        case PartialRepair.NotRepairable not -> {
                            out.printf("%s: not repaired: it is %s%n", id, not.asset().state().name());
                            failed++;
                        }
                    }
                } catch (FailureException e) {
                    out.printf("%s: could not be sent: %s%n", id, e.failure());
                    failed++;
                }
            }
            out.printf("%d assets sent for repair, %d not%n", ids.size() - failed, failed);
            return failed == 0 ? 0 : 1;
        }
    }

    static Map<String, String> options(String... args) {
        CommandOptions parsed = CommandOptions.parse(List.of("--all-partial"), args);
        if (!parsed.words().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument " + parsed.words().getFirst());
        }
        return parsed.options();
    }
}
