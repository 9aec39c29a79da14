package dev.assetflow.infra;

import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * One synthesis of the stack, shared by every test class in the run (synthesis takes seconds). The
 * ffmpeg layer is given by ARN so the tests need no layer directory.
 */
final class SynthesizedStack {
    static final String FFMPEG_LAYER = "arn:aws:lambda:eu-west-1:123456789012:layer:assetflow-ffmpeg:3";
    static final App APP = new App(AppProps.builder()
            .context(Map.of("ffmpegLayerArn", FFMPEG_LAYER, "alarmEmail", "ops@example.com"))
            .outdir("target/cdk.out")
            .build());
    static final AssetflowStack STACK = AssetflowApp.build(APP);
    static final Template TEMPLATE = Template.fromStack(STACK);

    private SynthesizedStack() {
    }
}
