package dev.assetflow.domain.shadow;

import java.util.List;

/** Port: where shadow runs are recorded (beside the asset, in the assets table). */
public interface ShadowLedger {

    /** Records (or replaces: a redelivered shadow message makes the same run again) one shadow run. */
    void record(ShadowResult result);

    /** Every recorded shadow run of a shadow profile, for the report. */
    List<ShadowResult> ofProfile(String profile);
}
