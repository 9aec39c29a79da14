package dev.assetflow.domain.config;

import java.util.List;

/** Where a configuration document's text comes from: a versioned store (SSM) or a fixed file. */
public interface ConfigSource {

    /** The newest version's text (possibly from a short-lived cache). */
    String latest();

    /** Earlier versions' texts, newest first, for finding the last good one when the newest is not; may be empty. */
    List<String> earlier();

    /** Where it is, for messages. */
    String location();
}
