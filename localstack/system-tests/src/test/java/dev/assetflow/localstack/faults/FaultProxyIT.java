package dev.assetflow.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.clients.ClientSettings;
import dev.assetflow.localstack.LocalStackExtension;
import java.io.IOException;
import java.net.URI;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;

/** The acceptance run's faults, between real SDK clients and the emulator. */
@ExtendWith(LocalStackExtension.class)
class FaultProxyIT {

    @Test
    void injectedFaultsAreServiceErrorsTheSdkRetries(LocalStackExtension.Fixture fx) {
        try (FaultProxy always = new FaultProxy(1.0, 1, "none", 0, 0, () -> { });
                AwsClients faulty = clientsThrough(always, fx)) {
            assertThatThrownBy(() -> faulty.sqs().listQueues()).isInstanceOf(AwsServiceException.class)
                    .satisfies(e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(503));
            assertThatThrownBy(() -> faulty.dynamoDb().listTables()).isInstanceOf(AwsServiceException.class)
                    .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable"));
            assertThat(always.attempts()).as("the SDK's retry strategy retried the injected faults").isGreaterThanOrEqualTo(4L);
            assertThat(always.injected()).isEqualTo(always.attempts());
        }
    }

    @Test
    void withoutFaultsEverythingPassesThroughObjectSizesIncluded(LocalStackExtension.Fixture fx) {
        String bucket = fx.stack().resources().bucketName("renditions");
        try (FaultProxy none = new FaultProxy(0.0, 1, bucket, 0, 0, () -> { }); AwsClients through = clientsThrough(none, fx)) {
            through.s3().putObject(b -> b.bucket(bucket).key("proxy/one"), RequestBody.fromString("twelve bytes"));
            assertThat(through.s3().headObject(b -> b.bucket(bucket).key("proxy/one")).contentLength()).isEqualTo(12);
            assertThat(through.s3().getObjectAsBytes(b -> b.bucket(bucket).key("proxy/one")).asUtf8String()).isEqualTo("twelve bytes");
        }
    }

    /** A raw socket: an HTTP client's own retries would hide what a dead worker never sees (the answer). */
    @Test
    void theWorkersEndAtTheChosenRenditionUploadsAndTheUploadBeforeTheSecondStays(LocalStackExtension.Fixture fx) throws Exception {
        String bucket = fx.stack().resources().bucketName("renditions");
        AtomicInteger ended = new AtomicInteger();
        // before the first upload; right after the first that reaches S3 (the second request here)
        try (FaultProxy deaths = new FaultProxy(0.0, 1, bucket, 1, 1, ended::incrementAndGet)) {
            URI proxy = deaths.start(fx.stack().awsEndpoint());
            assertThat(put(proxy, bucket, "proxy/first", "lost")).as("no answer: the worker died before its upload").isEmpty();
            assertThat(ended.get()).isEqualTo(1);
            assertThat(put(proxy, bucket, "proxy/second", "kept")).as("no answer: the worker died right after its upload").isEmpty();
            assertThat(deaths.deaths()).isEqualTo(2);
            assertThat(ended.get()).isEqualTo(2);
        }
        assertThat(fx.stack().clients().s3().listObjectsV2(b -> b.bucket(bucket).prefix("proxy/first")).keyCount()).isZero();
        assertThat(fx.stack().clients().s3().getObjectAsBytes(b -> b.bucket(bucket).key("proxy/second")).asUtf8String())
                .as("the second upload reached S3 before its worker ended").isEqualTo("kept");
    }

    /** One PUT on its own connection; returns whatever came back (nothing, when the connection was just closed). */
    private static String put(URI proxy, String bucket, String key, String body) throws IOException {
        try (Socket socket = new Socket(proxy.getHost(), proxy.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "PUT /" + bucket + "/" + key + " HTTP/1.1\r\nHost: " + proxy.getHost() + "\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void theSameSeedInjectsTheSameFaults(LocalStackExtension.Fixture fx) {
        assertThat(run(fx, 42)).isEqualTo(run(fx, 42)).isNotEqualTo(run(fx, 43));
    }

    private static String run(LocalStackExtension.Fixture fx, long seed) {
        StringBuilder outcomes = new StringBuilder();
        try (FaultProxy proxy = new FaultProxy(0.3, seed, "none", 0, 0, () -> { }); AwsClients faulty = clientsThrough(proxy, fx)) {
            for (int i = 0; i < 40; i++) {
                try {
                    faulty.sqs().listQueues();
                    outcomes.append('.');
                } catch (AwsServiceException e) {
                    outcomes.append('x');
                }
            }
            return outcomes + " " + proxy.attempts() + "/" + proxy.injected();
        }
    }

    private static AwsClients clientsThrough(FaultProxy proxy, LocalStackExtension.Fixture fx) {
        URI endpoint = proxy.start(fx.stack().awsEndpoint());
        return new AwsClients(ClientSettings.forEmulator(endpoint, "us-east-1"));
    }
}
