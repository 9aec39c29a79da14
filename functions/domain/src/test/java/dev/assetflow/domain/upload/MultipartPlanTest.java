package dev.assetflow.domain.upload;

import static dev.assetflow.domain.upload.MultipartPlan.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MultipartPlanTest {
    static final long GIB = 1024 * MIB;

    @Test
    void aTenGibFileIs1280PartsOf8Mib() {
        MultipartPlan plan = MultipartPlan.of(10 * GIB, 8 * MIB);
        assertThat(plan.partSize()).isEqualTo(8 * MIB);
        assertThat(plan.partCount()).isEqualTo(1280);
        assertThat(plan.length(1280)).isEqualTo(8 * MIB);
        assertThat(plan.offset(1280) + plan.length(1280)).isEqualTo(10 * GIB);
        assertCovers(plan);
    }

    @Test
    void aFileOneByteOverAWholeNumberOfPartsGetsAOneByteLastPart() {
        MultipartPlan plan = MultipartPlan.of(10 * GIB + 1, 8 * MIB);
        assertThat(plan.partCount()).isEqualTo(1281);
        assertThat(plan.length(1281)).isEqualTo(1);
        assertCovers(plan);
    }

    @Test
    void partsGrowInWholeMibWhenTenThousandMinimumPartsWouldNotHoldTheFile() {
        MultipartPlan largest = MultipartPlan.of(MultipartPlan.S3_MAX_OBJECT_BYTES, 8 * MIB);
        assertThat(largest.partSize()).isEqualTo(525 * MIB); // 5 TiB / 10,000 = 524.3 MiB
        assertThat(largest.partCount()).isEqualTo(9987);
        assertCovers(largest);
        MultipartPlan justOver = MultipartPlan.of(10_000 * 8 * MIB + 1, 8 * MIB);
        assertThat(justOver.partSize()).isEqualTo(9 * MIB);
        assertThat(justOver.partCount()).isLessThanOrEqualTo(10_000);
        assertCovers(justOver);
    }

    @Test
    void twoHundredMibIs25Parts() {
        MultipartPlan plan = MultipartPlan.of(200 * MIB, 8 * MIB);
        assertThat(plan.partCount()).isEqualTo(25);
        assertThat(plan.offset(25)).isEqualTo(192 * MIB);
        assertCovers(plan);
    }

    @Test
    void refusesWhatS3CannotStore() {
        assertThatThrownBy(() -> MultipartPlan.of(0, 8 * MIB)).hasMessageContaining("1 byte to 5 TiB");
        assertThatThrownBy(() -> MultipartPlan.of(MultipartPlan.S3_MAX_OBJECT_BYTES + 1, 8 * MIB)).hasMessageContaining("5 TiB");
        assertThatThrownBy(() -> MultipartPlan.of(GIB, 4 * MIB)).hasMessageContaining("5 MiB to 5 GiB");
        assertThatThrownBy(() -> MultipartPlan.of(GIB, 8 * MIB).length(129)).hasMessageContaining("not in 1..128");
        assertThatThrownBy(() -> new MultipartPlan(100, 10, 11)).hasMessageContaining("not a plan");
    }

    /** Parts tile the file exactly: each starts where the previous ended, all but the last within S3's bounds. */
    private static void assertCovers(MultipartPlan plan) {
        long total = IntStream.rangeClosed(1, plan.partCount()).mapToLong(plan::length).sum();
        assertThat(total).isEqualTo(plan.sizeBytes());
        assertThat(plan.partCount()).isLessThanOrEqualTo(MultipartPlan.S3_MAX_PARTS);
        assertThat(plan.partSize()).isBetween(MultipartPlan.S3_MIN_PART_BYTES, MultipartPlan.S3_MAX_PART_BYTES);
        assertThat(plan.length(plan.partCount())).isPositive().isLessThanOrEqualTo(plan.partSize());
    }
}
