package dev.assetflow.domain.failure;

/** The four families of the error taxonomy: what went wrong, and so what can be done about it. */
public enum FailureClass {
    /** The file or message itself is bad: corrupt, unsupported, over a limit. Retrying cannot help. */
    PERMANENT_INPUT,
    /** Throttling, 5xx, timeouts, connection resets: another attempt may well succeed. */
    TRANSIENT,
    /** A missing resource, a denied permission, an invalid rule set: an operator has to act. */
    CONFIGURATION,
    /** A bug: anything unexpected. */
    INTERNAL
}
