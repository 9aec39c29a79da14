package dev.assetflow.infra;

import dev.assetflow.topology.EnvValue;
import dev.assetflow.topology.FunctionSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The one helper that defines a pipeline function: Java 21, the shaded jar Maven built, memory,
 * timeout and /tmp from the topology, SnapStart on published versions behind a {@code live} alias (event
 * sources and the API invoke the alias, so they always get a snapshotted version), its own log
 * group with a retention. Functions that run ffmpeg get the ffmpeg layer and x86_64, because the
 * static ffprobe build exists for x86_64 only; every other function runs on arm64 (Graviton).
 */
final class PipelineFunction {
    private static final int DEFAULT_TMP_MB = 512;

    record Deployed(Function function, Alias live) {}

    private PipelineFunction() {
    }

    static Deployed define(Construct scope, String logical, FunctionSpec spec, Map<String, String> environment,
            String artifact, Optional<ILayerVersion> ffmpeg, DeploySettings settings) {
        boolean runsFfmpeg = usesTools(spec);
        if (runsFfmpeg && ffmpeg.isEmpty()) {
            throw new IllegalStateException(logical + " runs ffmpeg but no ffmpeg layer was given");
        }
        String id = Names.pascal(logical);
        LogGroup logs = LogGroup.Builder.create(scope, id + "Logs")
                .retention(retention(settings.logRetentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // its own role: writing to its own log group only, instead of AWSLambdaBasicExecutionRole's logs:* on every
        // group (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html#monitoring-cloudwatchlogs-permissions)
        Role role = Role.Builder.create(scope, id + "ServiceRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Assetflow " + logical + ": its own log group, and what the topology grants it")
                .build();
        logs.grantWrite(role);
        Function.Builder builder = Function.Builder.create(scope, id)
                .role(role)
                .description("Assetflow " + logical)
                .runtime(Runtime.JAVA_21)
                .handler(spec.handler() + "::handleRequest")
                .code(Code.fromAsset(artifact)) // the deployable artifact the local host runs too
                .memorySize(spec.memoryMb())
                .timeout(Duration.seconds(spec.timeoutSeconds()))
                .architecture(runsFfmpeg ? Architecture.X86_64 : Architecture.ARM_64)
                .logGroup(logs)
                // active tracing: one asset's path through the functions can be followed in X-Ray (README, Tracing)
                .tracing(Tracing.ACTIVE)
                .environment(environment);
        if (runsFfmpeg) {
            builder.layers(List.of(ffmpeg.get()));
        }
        boolean largeTmp = spec.ephemeralStorageMb() != null && spec.ephemeralStorageMb() > DEFAULT_TMP_MB;
        if (largeTmp) {
            // SnapStart does not support more than 512 MiB of /tmp; a function that needs more (the video
            // worker, for multi-gigabyte sources) trades the snapshot for the space: its init is small next to a transcode
            builder.ephemeralStorageSize(Size.mebibytes(spec.ephemeralStorageMb()));
        } else {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        Function function = builder.build();
        if (!largeTmp) {
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "a version is published: the live alias points at currentVersion, and every event source and route uses the alias");
        }
        Alias live = Alias.Builder.create(scope, id + "Live").aliasName("live").version(function.getCurrentVersion()).build();
        return new Deployed(function, live);
    }

    static boolean usesTools(FunctionSpec spec) {
        return spec.environment().values().stream().anyMatch(value -> value.kind() == EnvValue.Kind.TOOL);
    }

    private static RetentionDays retention(int days) {
        for (RetentionDays candidate : RetentionDays.values()) {
            if (candidate.name().equals(switch (days) {
                case 1 -> "ONE_DAY";
                case 3 -> "THREE_DAYS";
                case 5 -> "FIVE_DAYS";
                case 7 -> "ONE_WEEK";
                case 14 -> "TWO_WEEKS";
                case 30 -> "ONE_MONTH";
                case 60 -> "TWO_MONTHS";
                case 90 -> "THREE_MONTHS";
                case 180 -> "SIX_MONTHS";
                case 365 -> "ONE_YEAR";
                default -> "";
            })) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("logRetentionDays must be one of 1, 3, 5, 7, 14, 30, 60, 90, 180, 365");
    }
}
