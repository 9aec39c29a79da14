package dev.assetflow.aws.config;

import dev.assetflow.aws.clients.SdkFailures;
import dev.assetflow.domain.configreview.ConfigDocument;
import dev.assetflow.domain.configreview.ConfigVersions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The configuration documents' versions as SSM parameters: what serves now, every version Parameter Store keeps,
 * and publishing a new one (https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-versions.html).
 * Functions only read, through {@link SsmConfigSource}; {@code scripts/config} and the console's editor write.
 */
public final class SsmConfigParameters implements ConfigVersions {
    /** A standard-tier String parameter holds at most 4 KB. */
    public static final int MAX_BYTES = 4096;

    private final SsmClient ssm;
    private final Function<ConfigDocument, String> names;

    /** @param names each document's parameter name */
    public SsmConfigParameters(SsmClient ssm, Function<ConfigDocument, String> names) {
        this.ssm = ssm;
        this.names = names;
    }

    @Override
    public int maxBytes() {
        return MAX_BYTES;
    }

    @Override
    public Optional<Version> newest(ConfigDocument document) {
        String name = names.apply(document);
        try {
            var parameter = ssm.getParameter(b -> b.name(name)).parameter();
            return Optional.of(new Version(parameter.version(), parameter.lastModifiedDate(), null, null, parameter.value()));
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "GetParameter " + name);
        }
    }

    @Override
    public List<Version> history(ConfigDocument document) {
        String name = names.apply(document);
        try {
            List<Version> versions = new ArrayList<>();
            ssm.getParameterHistoryPaginator(b -> b.name(name)).forEach(page -> page.parameters().forEach(p ->
                    versions.add(new Version(p.version(), p.lastModifiedDate(), p.lastModifiedUser(), p.description(), p.value()))));
            versions.sort(Comparator.comparingLong(Version::number));
            return versions;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "GetParameterHistory " + name);
        }
    }

    @Override
    public long publish(ConfigDocument document, String text, String description) {
        String name = names.apply(document);
        try {
            return ssm.putParameter(b -> b.name(name).value(text).type(ParameterType.STRING).tier(ParameterTier.STANDARD)
                    .overwrite(true).description(description)).version();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "PutParameter " + name);
        }
    }

    /** The parameter's name for the reference a function's environment holds ({@code ssm:<name>}, see LiveConfigs). */
    public static String nameIn(String location) {
        if (!location.startsWith("ssm:")) {
            throw new IllegalArgumentException("not an SSM parameter location: " + location);
        }
        return location.substring("ssm:".length());
    }
}
