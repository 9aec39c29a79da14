package dev.assetflow.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.localstack.LocalStackExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(LocalStackExtension.class)
class FaultInjectorIT {

    @Test
    void everyAttemptFailsAtRateOneAndTheSdkRetriesThem(LocalStackExtension.Fixture fx) {
        FaultInjector always = new FaultInjector(1.0, 7);
        try (AwsClients faulty = new AwsClients(fx.stack().clients().settings().withInterceptors(List.of(always)))) {
            assertThatThrownBy(() -> faulty.sqs().listQueues()).isInstanceOf(AwsServiceException.class)
                    .satisfies(e -> assertThat(((AwsServiceException) e).statusCode()).isIn(400, 503));
        }
        assertThat(always.attempts()).as("the SDK's retry strategy retried the injected faults").isBetween(2L, 4L);
        assertThat(always.injected()).isEqualTo(always.attempts());
    }

    @Test
    void aWorkerDeathIsAnErrorNothingCatchesAndTheUploadBeforeItStays(LocalStackExtension.Fixture fx) {
        String bucket = fx.stack().resources().bucketName("renditions");
        WorkerDeaths deaths = new WorkerDeaths(bucket, 0, 1);
        try (AwsClients dying = new AwsClients(fx.stack().clients().settings().withInterceptors(List.of(deaths)))) {
            assertThatThrownBy(() -> dying.s3().putObject(b -> b.bucket(bucket).key("renditions/death-test"),
                    RequestBody.fromString("made before the death")))
                    .isInstanceOf(WorkerDeaths.SimulatedDeath.class).hasMessageContaining("before its checkpoint");
        }
        assertThat(deaths.deaths()).isEqualTo(1);
        assertThat(fx.stack().clients().s3().getObjectAsBytes(b -> b.bucket(bucket).key("renditions/death-test")).asUtf8String())
                .isEqualTo("made before the death");
    }

    @Test
    void theSameSeedInjectsTheSameFaults(LocalStackExtension.Fixture fx) {
        assertThat(run(fx, 42)).isEqualTo(run(fx, 42)).isNotEqualTo(run(fx, 43));
    }

    private static String run(LocalStackExtension.Fixture fx, long seed) {
        FaultInjector injector = new FaultInjector(0.3, seed);
        StringBuilder outcomes = new StringBuilder();
        try (AwsClients faulty = new AwsClients(fx.stack().clients().settings().withInterceptors(List.of(injector)))) {
            for (int i = 0; i < 40; i++) {
                try {
                    faulty.sqs().listQueues();
                    outcomes.append('.');
                } catch (AwsServiceException e) {
                    outcomes.append('x');
                }
            }
        }
        return outcomes + " " + injector.attempts() + "/" + injector.injected();
    }
}
