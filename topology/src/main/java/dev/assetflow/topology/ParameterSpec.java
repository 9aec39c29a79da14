package dev.assetflow.topology;

/**
 * A configuration document kept as a versioned SSM parameter (a String parameter of the standard tier, up to
 * 4 KB: https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html).
 * {@code file} names its first version under {@code config/}; both hosts create the parameter from it.
 */
public record ParameterSpec(String purpose, String file) {

    /** The parameter's name: {@code /<deployment prefix>/config/<logical>}, one hierarchy per deployment (and its IAM scope). */
    public static String name(String deploymentPrefix, String logical) {
        return "/" + deploymentPrefix + "/config/" + logical;
    }
}
