package dev.assetflow.ops.deadletter;

import dev.assetflow.aws.asset.DynamoAssetRepository;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.domain.asset.AssetAudit;
import dev.assetflow.aws.deadletter.DynamoFailureLog;
import dev.assetflow.aws.deadletter.DeadLetterQueue;
import dev.assetflow.aws.deadletter.DeadLetterRedrive;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import dev.assetflow.ops.CommandClients;
/**
 * {@code scripts/redrive}: lists dead-letter queues grouped by failure category, and puts all or
 * selected dead letters back on their source queues. See the README, "Dead letters and redrive".
 */
public final class RedriveCommand {
    static final String USAGE = """
            usage: scripts/redrive [--endpoint URL] [--region REGION]
                                   (--prefix PREFIX | --queue DLQ_URL ... --failures-table NAME)
                                   [--list | --all | --category CATEGORY,... | --message ID,... | --asset ID,...]
                                   [--max N] [--native] [--assets-table NAME] [--by NAME]
              --prefix PREFIX     every queue named PREFIX-*-dlq, and the table PREFIX-failures (a local stack)
              --queue DLQ_URL     a dead-letter queue (repeatable); on AWS take them from the stack output DeadLetterQueues
              --list              print each DLQ's messages grouped by category (the default)
              --all | --category | --message | --asset   redrive what matches to its source queue
              --max N             move at most N messages per queue
              --native            move whole queues with SQS's StartMessageMoveTask where the endpoint offers it
              --assets-table NAME where each redriven letter's asset gets a history entry naming --by
                                  (PREFIX-assets with --prefix; on AWS the stack output AssetsTable)
              --by NAME           who asks (default: operator:$USER)""";

    private RedriveCommand() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        try {
            System.exit(run(Arguments.parse(args), System.out));
        } catch (IllegalArgumentException e) {
            System.err.println("redrive: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    /** @return the exit code: 0, or 1 when some selected message could not be moved */
    public static int run(Arguments arguments, PrintStream out) {
        try (AwsClients clients = CommandClients.of(arguments.endpoint(), arguments.region())) {
            List<DeadLetterQueue> queues = deadLetterQueues(clients.sqs(), arguments);
            String table = arguments.failuresTable().orElseGet(() -> arguments.prefix().orElseThrow() + "-failures");
            DeadLetterRedrive redrive = new DeadLetterRedrive(clients.sqs(), new DynamoFailureLog(clients.dynamoDb(), table),
                    Clock.systemUTC());
            Consumer<DeadLetterRedrive.Listed> audit = arguments.assetsTable()
                    .map(assets -> DeadLetterRedrive.auditedBy(new AssetAudit(new DynamoAssetRepository(clients.dynamoDb(), assets),
                            Clock.systemUTC()), arguments.by()))
                    .orElse(listed -> { });
            return arguments.selector().isEmpty() ? list(redrive, queues, out) : move(clients.sqs(), redrive, queues, arguments, audit, out);
        }
    }

    private static int list(DeadLetterRedrive redrive, List<DeadLetterQueue> queues, PrintStream out) {
        for (DeadLetterQueue queue : queues) {
            List<DeadLetterRedrive.Listed> listed = redrive.list(queue);
            int inFlight = Math.max(0, queue.approximateDepth() - listed.size());
            out.printf("%s (source %s): %d dead letters%s%n", queue.url(), queue.sourceQueue(), listed.size(),
                    inFlight > 0 ? ", " + inFlight + " more in flight (being read elsewhere)" : "");
            Map<String, List<DeadLetterRedrive.Listed>> byCategory = listed.stream()
                    .collect(Collectors.groupingBy(l -> l.failure().category().name(), TreeMap::new, Collectors.toList()));
            byCategory.forEach((category, letters) -> {
                out.printf("  %-16s %d%n", category, letters.size());
                letters.forEach(l -> out.printf("    %s  asset %-36s  %d attempts%s  %s%n", l.messageId(),
                        l.assetId() == null ? "-" : l.assetId(), l.attempts(), l.triaged() ? "" : " (not triaged yet)",
                        l.failure().reason()));
            });
        }
        return 0;
    }

    private static int move(SqsClient sqs, DeadLetterRedrive redrive, List<DeadLetterQueue> queues, Arguments arguments,
            Consumer<DeadLetterRedrive.Listed> audit, PrintStream out) {
        int failed = 0;
        for (DeadLetterQueue queue : queues) {
            if (arguments.nativeMove() && arguments.selectsAll()) {
                String arn = sqs.getQueueAttributes(b -> b.queueUrl(queue.url()).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes().get(QueueAttributeName.QUEUE_ARN);
                Optional<String> task = redrive.moveAll(arn);
                if (task.isPresent()) {
                    out.printf("%s: SQS message move task %s started; it moves every message to its source%n", queue.url(), task.get());
                    continue;
                }
                out.printf("%s: this endpoint does not run SQS message move tasks; moving message by message%n", queue.url());
            }
            DeadLetterRedrive.Moved moved = redrive.redrive(queue, arguments.selector().get(), arguments.max(), audit);
            out.printf("%s → %s: %d redriven, %d left in the DLQ, %d could not be moved (still in the DLQ)%n",
                    queue.url(), queue.sourceQueue(), moved.moved(), moved.left(), moved.failed());
            failed += moved.failed();
        }
        return failed == 0 ? 0 : 1;
    }

    private static List<DeadLetterQueue> deadLetterQueues(SqsClient sqs, Arguments arguments) {
        List<String> urls = new ArrayList<>(arguments.queues());
        arguments.prefix().ifPresent(prefix -> sqs.listQueuesPaginator(b -> b.queueNamePrefix(prefix + "-")).queueUrls()
                .stream().filter(url -> url.endsWith("-dlq")).sorted().forEach(urls::add));
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no dead-letter queue found");
        }
        List<DeadLetterQueue> queues = new ArrayList<>();
        for (String url : urls) {
            // each DLQ of the topology serves exactly one source queue
            List<String> sources = sqs.listDeadLetterSourceQueues(b -> b.queueUrl(url)).queueUrls();
            if (sources.size() != 1) {
                throw new IllegalArgumentException(url + " is the dead-letter queue of " + sources.size()
                        + " queues; redrive works on DLQs with exactly one source");
            }
            String source = sources.get(0);
            queues.add(new DeadLetterQueue(sqs, source.substring(source.lastIndexOf('/') + 1), url));
        }
        return queues;
    }

    /** The parsed command line. An empty selector means: list. */
    public record Arguments(Optional<URI> endpoint, String region, Optional<String> prefix, List<String> queues,
            Optional<String> failuresTable, Optional<Predicate<DeadLetterRedrive.Listed>> selector, boolean selectsAll,
            int max, boolean nativeMove, Optional<String> assetsTable, String by) {

        public static Arguments parse(String... args) {
            Map<String, List<String>> options = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (!name.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + name);
                }
                boolean flag = Set.of("--list", "--all", "--native").contains(name);
                if (!flag && i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(flag ? "" : args[++i]);
            }
            Set<String> known = Set.of("--endpoint", "--region", "--prefix", "--queue", "--failures-table", "--list",
                    "--all", "--category", "--message", "--asset", "--max", "--native", "--assets-table", "--by");
            options.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalArgumentException("unknown option " + k);
            });
            Optional<String> prefix = first(options, "--prefix");
            List<String> queues = options.getOrDefault("--queue", List.of());
            Optional<String> table = first(options, "--failures-table");
            if (prefix.isEmpty() && (queues.isEmpty() || table.isEmpty())) {
                throw new IllegalArgumentException("give --prefix, or --queue with --failures-table");
            }
            List<Predicate<DeadLetterRedrive.Listed>> selectors = new ArrayList<>();
            first(options, "--category").map(RedriveCommand::csv)
                    .ifPresent(c -> selectors.add(l -> c.contains(l.failure().category().name())));
            first(options, "--message").map(RedriveCommand::csv).ifPresent(m -> selectors.add(l -> m.contains(l.messageId())));
            first(options, "--asset").map(RedriveCommand::csv).ifPresent(a -> selectors.add(l -> a.contains(l.assetId())));
            boolean all = options.containsKey("--all");
            if (all && !selectors.isEmpty()) {
                throw new IllegalArgumentException("--all selects everything: leave out --category, --message and --asset");
            }
            if (options.containsKey("--list") && (all || !selectors.isEmpty())) {
                throw new IllegalArgumentException("--list only lists: leave out what selects messages to move");
            }
            Optional<Predicate<DeadLetterRedrive.Listed>> selector = all ? Optional.of(l -> true)
                    : selectors.stream().reduce(Predicate::or);
            int max = first(options, "--max").map(Integer::parseInt).orElse(Integer.MAX_VALUE);
            if (max < 1) {
                throw new IllegalArgumentException("--max must be at least 1");
            }
            return new Arguments(first(options, "--endpoint").map(URI::create), first(options, "--region").orElse("us-east-1"),
                    prefix, queues, table, selector, all, max, options.containsKey("--native"),
                    first(options, "--assets-table").or(() -> prefix.map(p -> p + "-assets")),
                    first(options, "--by").orElse("operator:" + System.getProperty("user.name")));
        }

        private static Optional<String> first(Map<String, List<String>> options, String name) {
            return Optional.ofNullable(options.get(name)).map(values -> values.get(values.size() - 1));
        }
    }

    private static Set<String> csv(String value) {
        return Set.of(value.split(","));
    }
}
