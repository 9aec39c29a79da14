package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.localstack.embedded.MotoServer;
import dev.assetflow.localstack.embedded.Venv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With an external endpoint (what AWS_ENDPOINT_URL sets, e.g. a LocalStack container elsewhere), the
 * local stack starts no emulator of its own and provisions and runs everything against that endpoint.
 * A separately started moto server stands in for the external emulator here.
 */
class ExternalEndpointIT {
    @TempDir
    Path dir;

    @Test
    void runsThePipelineAgainstAnEmulatorItDidNotStart() {
        try (MotoServer external = MotoServer.start(Venv.locate(), Path.of("target", "external-moto.log"));
                LocalStack stack = LocalStack.start(LocalStack.Options.defaults().withExternalEndpoint(external.endpoint()))) {
            assertThat(stack.embedded()).isFalse();
            assertThat(stack.awsEndpoint()).isEqualTo(external.endpoint());

            AssetflowClient client = new AssetflowClient(stack.apiEndpoint());
            String assetId = Uploads.upload(client, "external.png", "image/png",
                    TestMedia.SAMPLES.picture(dir.resolve("external.png"), 500, 400));
            assertThat(Uploads.settled(client, assetId).path("state").asText()).isEqualTo("READY");
            assertThat(stack.clients().s3().listObjectsV2(b -> b.bucket(stack.resources().bucketName("renditions"))).keyCount())
                    .as("320w.webp and 320w.jpg").isEqualTo(2);
        }
    }
}
