package dev.assetflow.infra;

import dev.assetflow.topology.FunctionSpec;
import dev.assetflow.topology.Topology;
import software.amazon.awscdk.services.dynamodb.Table;
import java.util.List;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * Least privilege from the topology: every environment reference declares what the function does
 * with the resource ({@code read}, {@code write}, {@code readWrite}, {@code readPut}, {@code send}, {@code consume}, {@code publish},
 * {@code pass}, {@code submit}, or {@code name}: the name only, nothing granted; a webhook's secret is only ever read),
 * and exactly that is granted with the constructs' grant methods, scoped to that one resource.
 */
final class Grants {

    private Grants() {
    }

    static void apply(Topology topology, FunctionSpec spec, IGrantable function, Storage storage, Tables tables, Messaging messaging,
            MediaConvert mediaConvert, ConfigParameters parameters, WebhookSecrets secrets) {
        spec.environment().forEach((variable, value) -> {
            switch (value.kind()) {
                case BUCKET -> bucket(storage.bucket(value.bucket()), value.access(), value.keys() == null ? "*" : value.keys(), function);
                case TABLE -> table(tables.table(value.table()), value.access(), function);
                case QUEUE -> queue(messaging.queue(value.queue()), value.access(), function);
                case TOPIC -> messaging.topic(value.topic()).grantPublish(function);
                case WORK_QUEUES -> topology.queues().forEach((logical, queue) -> {
                    if (queue.work() != null) {
                        messaging.queue(logical).grantSendMessages(function);
                    }
                });
                case DEAD_LETTER_QUEUES -> topology.deadLetterSources(value.deadLetterQueuesOfConsumer()).forEach(logical ->
                        messaging.deadLetterQueue(logical).ifPresent(dlq -> queue(dlq, value.access(), function)));
                case MEDIA_CONVERT -> mediaConvert.grant(value.mediaConvert(), value.access(), function);
                case PARAMETER -> parameters.grant(value.parameter(), value.access(), function);
                case SECRET -> secrets.secret(value.secret()).grantRead(function); // GetSecretValue, DescribeSecret on that secret
                case VALUE, TOOL -> { }
            }
        });
    }

    private static void bucket(Bucket bucket, String access, String keys, IGrantable function) {
        switch (access) {
            case "read" -> bucket.grantRead(function, keys);
            case "write" -> bucket.grantPut(function, keys);
            case "upload" -> { // write originals by one PUT or in parts: s3:PutObject covers Create/UploadPart/Complete,
                // grantPut adds s3:Abort*; listing the parts stored lets a client resume
                // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html#mpuAndPermissions)
                bucket.grantPut(function, keys);
                function.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .actions(List.of("s3:ListMultipartUploadParts")).resources(List.of(bucket.arnForObjects(keys))).build());
            }
            case "readWrite" -> bucket.grantReadWrite(function, keys);
            case "name" -> { } // the name only (e.g. where MediaConvert writes): nothing granted
            case "readDelete" -> { // list and delete (an erasure), never write
                bucket.grantRead(function, keys);
                bucket.grantDelete(function, keys);
            }
            case "readPut" -> { // read back and write, never delete (grantReadWrite includes s3:DeleteObject*)
                bucket.grantRead(function, keys);
                bucket.grantPut(function, keys);
            }
            default -> throw new IllegalArgumentException("bucket access " + access);
        }
    }

    private static void queue(IQueue queue, String access, IGrantable function) {
        switch (access) {
            case "send" -> queue.grantSendMessages(function);
            case "consume" -> queue.grantConsumeMessages(function);
            default -> throw new IllegalArgumentException("queue access " + access);
        }
    }

    private static void table(Table table, String access, IGrantable function) {
        switch (access) {
            case "read" -> table.grantReadData(function);
            case "write" -> table.grantWriteData(function);
            case "readWrite" -> table.grantReadWriteData(function);
            default -> throw new IllegalArgumentException("table access " + access);
        }
    }
}
