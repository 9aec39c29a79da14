package dev.assetflow.ops.backfill;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.backfill.DynamoBackfillCheckpoints;
import dev.assetflow.aws.backfill.S3ObjectListing;
import dev.assetflow.aws.backfill.SqsBackfillIntroducer;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.domain.backfill.Backfill;
import dev.assetflow.domain.backfill.BackfillRun;
import dev.assetflow.domain.backfill.BackfillStepMessage;
import dev.assetflow.ops.CommandClients;
import dev.assetflow.ops.CommandOptions;
import dev.assetflow.runtime.retry.Sleep;
import dev.assetflow.topology.ResourceNames;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code scripts/backfill}: brings existing objects into the pipeline in batches, at a bounded rate, at bulk priority,
 * one batch at a time, checkpointed so it can pause, resume and stop (README, "Controlled backfill").
 */
public final class BackfillCommand {
    static final String USAGE = """
            usage: scripts/backfill start --bucket B --prefix P [--batch-size 100] [--rate 10] [--run ID] [--remote]
                   scripts/backfill resume [--remote] | pause | stop | status  --run ID
                   each with (--stack NAME | --backfills-table T --assets-table T --ingest-queue URL [--backfill-queue URL])
                             [--endpoint URL] [--region R] [--batch-timeout-minutes 60]
              --remote            the stack's backfill function drives the run (one step per message on its queue),
                                  not this command: for libraries too big for a laptop; follow it with status
              --stack NAME        a local stack's prefix: its tables NAME-backfills and NAME-assets, its queue NAME-ingest
              --rate              objects introduced per second, at most
              start and resume run the backfill here until it is done, paused or stopped; pause and stop ask a
              running one to halt at its next step (within seconds)""";

    private BackfillCommand() {
    }

    public static void main(String[] args) {
        CommandOptions.main("backfill", USAGE, args, List.of("--remote"), command -> run(command, System.out));
    }

    /** @return 0 done or halted as asked; 1 a batch did not settle in time (resume later); 3 paused or stopped */
    public static int run(CommandOptions command, PrintStream out) {
        if (command.words().size() != 1) {
            throw new IllegalArgumentException("say what to do: start, resume, pause, stop or status");
        }
        String action = command.words().getFirst();
        Optional<String> stack = Optional.ofNullable(command.options().get("--stack"));
        try (AwsClients clients = CommandClients.of(Optional.ofNullable(command.options().get("--endpoint")).map(URI::create),
                command.get("--region", "us-east-1"))) {
            DynamoBackfillCheckpoints checkpoints = new DynamoBackfillCheckpoints(clients.dynamoDb(),
                    stack.map(s -> new ResourceNames(s).of("backfills")).orElseGet(() -> command.required("--backfills-table")));
            return switch (action) {
                case "start" -> {
                    String runId = command.get("--run", "backfill-" + UUID.randomUUID().toString().substring(0, 8));
                    BackfillRun run = BackfillRun.start(runId, command.required("--bucket"), command.get("--prefix", ""),
                            Integer.parseInt(command.get("--batch-size", "100")), Double.parseDouble(command.get("--rate", "10")),
                            Clock.systemUTC().instant());
                    if (!checkpoints.create(run)) {
                        throw new IllegalArgumentException("a backfill " + runId + " exists: resume it, or give another --run");
                    }
                    out.printf("backfill %s of s3://%s/%s: batches of %d, at most %.1f objects/s%n", runId, run.bucket(), run.prefix(),
                            run.batchSize(), run.ratePerSecond());
                    yield drive(clients, stack, command, checkpoints, runId, out);
                }
                case "resume" -> {
                    String runId = command.required("--run");
                    change(checkpoints, runId, BackfillRun.State.RUNNING, out);
                    yield drive(clients, stack, command, checkpoints, runId, out);
                }
                case "pause" -> change(checkpoints, command.required("--run"), BackfillRun.State.PAUSED, out);
                case "stop" -> change(checkpoints, command.required("--run"), BackfillRun.State.STOPPED, out);
                case "status" -> {
                    BackfillRun run = checkpoints.load(command.required("--run"))
                            .orElseThrow(() -> new IllegalArgumentException("no backfill " + command.get("--run", "")));
                    out.println(BackfillRunner.status(run));
                    yield 0;
                }
                default -> throw new IllegalArgumentException("unknown action " + action);
            };
        }
    }

    /** Here, step after step; or, with --remote, by the stack's backfill function, started with one step message. */
    private static int drive(AwsClients clients, Optional<String> stack, CommandOptions command, DynamoBackfillCheckpoints checkpoints,
            String runId, PrintStream out) {
        if (!command.options().containsKey("--remote")) {
            return runner(clients, stack, command, checkpoints, out).drive(runId);
        }
        String queue = stack.map(s -> clients.sqs().getQueueUrl(b -> b.queueName(new ResourceNames(s).of("backfill"))).queueUrl())
                .orElseGet(() -> command.required("--backfill-queue"));
        clients.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(BackfillStepMessage.encode(runId)));
        out.printf("the backfill function drives %s now; follow it with: scripts/backfill status --run %s …%n", runId, runId);
        return 0;
    }

    private static BackfillRunner runner(AwsClients clients, Optional<String> stack, CommandOptions command,
            DynamoBackfillCheckpoints checkpoints, PrintStream out) {
        String assetsTable = stack.map(s -> new ResourceNames(s).of("assets")).orElseGet(() -> command.required("--assets-table"));
        String ingestQueue = stack.map(s -> clients.sqs().getQueueUrl(b -> b.queueName(new ResourceNames(s).of("ingest"))).queueUrl())
                .orElseGet(() -> command.required("--ingest-queue"));
        Backfill backfill = new Backfill(checkpoints, new S3ObjectListing(clients.s3()), new SqsBackfillIntroducer(clients.sqs(), ingestQueue),
                new DynamoAssetRepository(clients.dynamoDb(), assetsTable), Sleep::of, Clock.systemUTC());
        return new BackfillRunner(backfill, Duration.ofMinutes(Long.parseLong(command.get("--batch-timeout-minutes", "60"))),
                Clock.systemUTC(), out);
    }

    /** Sets a run's state (a running runner sees it at its next step). */
    private static int change(DynamoBackfillCheckpoints checkpoints, String runId, BackfillRun.State to, PrintStream out) {
        for (int attempt = 0; attempt < 10; attempt++) {
            BackfillRun run = checkpoints.load(runId).orElseThrow(() -> new IllegalArgumentException("no backfill " + runId));
            if (run.state() == BackfillRun.State.DONE) {
                out.printf("backfill %s is done%n", runId);
                return 0;
            }
            if (checkpoints.save(run.withState(to)).isPresent()) {
                out.printf("backfill %s is now %s%n", runId, to);
                return 0;
            }
        }
        throw new IllegalStateException("backfill " + runId + " kept changing; try again");
    }
}
