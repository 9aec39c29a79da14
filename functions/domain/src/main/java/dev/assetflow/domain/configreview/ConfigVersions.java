package dev.assetflow.domain.configreview;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the stored versions of the configuration documents (on AWS, SSM Parameter Store's history of each
 * parameter). Functions only read the newest through LiveConfig; operators publish through {@link ConfigDesk}.
 */
public interface ConfigVersions {

    /** One stored version: its number, when and by whom it was written, and its text; {@code note}: why, and for whom. */
    record Version(long number, Instant at, String by, String note, String text) {}

    /** The largest text a version may hold. */
    int maxBytes();

    /** The newest version written, valid or not; empty when the document does not exist. */
    Optional<Version> newest(ConfigDocument document);

    /** Every version kept, oldest first. */
    List<Version> history(ConfigDocument document);

    /** @return the new version's number */
    long publish(ConfigDocument document, String text, String description);
}
