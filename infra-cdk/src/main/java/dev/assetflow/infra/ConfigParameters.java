package dev.assetflow.infra;

import dev.assetflow.topology.ParameterSpec;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.ssm.ParameterTier;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * The configuration documents as SSM String parameters, created with {@code config/}'s text. Operators
 * publish later versions with {@code scripts/config push}; a deploy overwrites the value only when
 * {@code config/} itself changed since the last deploy (CloudFormation updates what its template changes).
 */
final class ConfigParameters extends Construct {
    private final Map<String, StringParameter> parameters = new HashMap<>();

    ConfigParameters(Construct scope, Map<String, ParameterSpec> specs, RepoPaths repo) {
        super(scope, "Config");
        String prefix = Stack.of(scope).getStackName();
        specs.forEach((logical, spec) -> parameters.put(logical, StringParameter.Builder.create(this, Names.pascal(logical))
                .parameterName(ParameterSpec.name(prefix, logical))
                .description(spec.purpose().length() > 1024 ? spec.purpose().substring(0, 1024) : spec.purpose())
                .stringValue(repo.readConfig(spec.file()))
                .tier(ParameterTier.STANDARD)
                .build()));
    }

    StringParameter parameter(String logical) {
        StringParameter parameter = parameters.get(logical);
        if (parameter == null) {
            throw new IllegalArgumentException("the topology has no parameter " + logical);
        }
        return parameter;
    }

    /** Read the newest version (GetParameter) and the earlier ones (GetParameterHistory, for the last good one), nothing else. */
    /** {@code read}: GetParameter(History), what LiveConfig needs; {@code readWrite}: also PutParameter (the console's editor). */
    void grant(String logical, String access, IGrantable function) {
        switch (access) {
            case "read" -> parameter(logical).grantRead(function);
            case "readWrite" -> {
                parameter(logical).grantRead(function);
                parameter(logical).grantWrite(function);
            }
            default -> throw new IllegalArgumentException("parameter access " + access);
        }
    }
}
