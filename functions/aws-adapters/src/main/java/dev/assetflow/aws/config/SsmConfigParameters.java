package dev.assetflow.aws.config;

import dev.assetflow.aws.clients.SdkFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The operator's side of a configuration parameter: what serves now, every version Parameter Store keeps,
 * and publishing a new one (https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-versions.html).
 * Functions only read, through {@link SsmConfigSource}.
 */
public final class SsmConfigParameters {
    /** A standard-tier String parameter holds at most 4 KB. */
    public static final int MAX_BYTES = 4096;

    private final SsmClient ssm;

    public SsmConfigParameters(SsmClient ssm) {
        this.ssm = ssm;
    }

    /** One stored version: its number (Parameter Store's), when and by whom it was written, and its text. */
    public record Version(long number, Instant at, String by, String text) {}

    public Optional<Version> serving(String name) {
        try {
            var parameter = ssm.getParameter(b -> b.name(name)).parameter();
            return Optional.of(new Version(parameter.version(), parameter.lastModifiedDate(), null, parameter.value()));
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "GetParameter " + name);
        }
    }

    /** Oldest first. */
    public List<Version> history(String name) {
        try {
            List<Version> versions = new ArrayList<>();
            ssm.getParameterHistoryPaginator(b -> b.name(name)).forEach(page -> page.parameters().forEach(p ->
                    versions.add(new Version(p.version(), p.lastModifiedDate(), p.lastModifiedUser(), p.value()))));
            versions.sort(Comparator.comparingLong(Version::number));
            return versions;
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "GetParameterHistory " + name);
        }
    }

    /** @return the new version's number */
    public long publish(String name, String text, String description) {
        try {
            return ssm.putParameter(b -> b.name(name).value(text).type(ParameterType.STRING).tier(ParameterTier.STANDARD)
                    .overwrite(true).description(description)).version();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "PutParameter " + name);
        }
    }
}
