package dev.assetflow.localstack.provision;

import dev.assetflow.topology.QueueSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Registers the local functions and their SQS event source mappings with the emulator's Lambda API,
 * as {@code cdk deploy} does on AWS. The local runtime still runs the handlers itself; what the
 * registration gives it is the mappings' enabled flag, which the functions switch through the same
 * Lambda API calls as on AWS (a circuit breaker stopping its step's intake) and which the local
 * mappings obey.
 *
 * <p>Each mapping is registered on a stand-in queue of its own ({@code <queue>-mapping}), empty for
 * good, not on the queue it stands for: moto runs a mapping itself, receiving from its queue whenever a
 * message is sent there and deleting what its function "handled" (it cannot run Java), which would
 * take work away from the local runtime and spend receives that count toward the redrive policy.
 */
public final class LambdaRegistrations {
    private static final String TRUST_POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
             "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""";

    private final LambdaClient lambda;
    private final SqsClient sqs;
    private final IamClient iam;
    private final String roleName;
    private String roleArn;

    public LambdaRegistrations(LambdaClient lambda, SqsClient sqs, IamClient iam, String roleName) {
        this.lambda = lambda;
        this.sqs = sqs;
        this.iam = iam;
        this.roleName = roleName;
    }

    /** @return the function's ARN */
    public synchronized String function(String physicalName, String handler) {
        if (roleArn == null) {
            roleArn = iam.createRole(b -> b.roleName(roleName).assumeRolePolicyDocument(TRUST_POLICY)).role().arn();
        }
        return lambda.createFunction(b -> b.functionName(physicalName).runtime(Runtime.JAVA21).role(roleArn)
                .handler(handler).code(c -> c.zipFile(SdkBytes.fromByteArray(placeholderCode())))).functionArn();
    }

    /** @return the mapping's UUID */
    public String eventSourceMapping(String functionArn, String queueName, QueueSpec.ConsumerSpec consumer) {
        String standIn = sqs.createQueue(b -> b.queueName(queueName + "-mapping")).queueUrl();
        String standInArn = sqs.getQueueAttributes(b -> b.queueUrl(standIn).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return lambda.createEventSourceMapping(b -> b.functionName(functionArn).eventSourceArn(standInArn)
                .batchSize(consumer.batchSize()).scalingConfig(s -> s.maximumConcurrency(consumer.maxConcurrency()))
                .functionResponseTypesWithStrings("ReportBatchItemFailures")).uuid();
    }

    /** The emulator stores code it never runs: the local runtime runs the handler classes themselves. */
    private static byte[] placeholderCode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("run by the Assetflow local stack from its classpath".getBytes());
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
