package dev.assetflow.infra;

import dev.assetflow.topology.Topology;
import dev.assetflow.topology.TopologyLoader;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** {@code cdk synth|deploy}: the Assetflow stack, checked by cdk-nag's AWS Solutions rules. */
public final class AssetflowApp {

    private AssetflowApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    /** The stack in an app, with the checks; shared by main and the tests. */
    public static AssetflowStack build(App app) {
        return build(app, TopologyLoader.load());
    }

    /** The same for a topology other than the bundled one (a test's, with a webhook added). */
    public static AssetflowStack build(App app, Topology topology) {
        Object stackName = app.getNode().tryGetContext("stackName");
        Object region = app.getNode().tryGetContext("region"); // else the CLI's profile region
        AssetflowStack stack = new AssetflowStack(app, stackName == null ? "Assetflow" : stackName.toString(),
                StackProps.builder()
                        .description("Assetflow: serverless media asset pipeline")
                        .env(Environment.builder()
                                .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                                .region(region != null ? region.toString() : System.getenv("CDK_DEFAULT_REGION"))
                                .build())
                        .build(),
                topology);
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        return stack;
    }
}
