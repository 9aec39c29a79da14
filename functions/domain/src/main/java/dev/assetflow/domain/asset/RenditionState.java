package dev.assetflow.domain.asset;

/** Rendition checkpoints: PENDING → RUNNING → DONE | FAILED. */
public enum RenditionState {
    PENDING,
    RUNNING,
    DONE,
    FAILED
}
