package dev.assetflow.domain.upload;

import static dev.assetflow.domain.upload.MultipartPlan.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionCheckTest {
    private final MultipartPlan plan = MultipartPlan.of(20 * MIB, 8 * MIB); // 8 + 8 + 4 MiB
    private final List<UploadParts.Stored> stored = List.of(
            new UploadParts.Stored(1, "\"aa\"", 8 * MIB), new UploadParts.Stored(2, "\"bb\"", 8 * MIB),
            new UploadParts.Stored(3, "\"cc\"", 4 * MIB));

    @Test
    void completesWithEveryPartInOrderUnquotedEtagsIncluded() {
        assertThat(CompletionCheck.check(plan, receipts("aa", "\"BB\"", "cc"), stored))
                .isEqualTo(new CompletionCheck.Verdict.Complete(List.of(new UploadParts.Receipt(1, "\"aa\""),
                        new UploadParts.Receipt(2, "\"bb\""), new UploadParts.Receipt(3, "\"cc\""))));
    }

    @Test
    void namesTheMissingReorderedOrWrongPart() {
        assertRejected(List.of(new UploadParts.Receipt(1, "aa"), new UploadParts.Receipt(3, "cc")), stored,
                "part 2 is missing from the list");
        assertRejected(receipts("aa", "bb"), stored, "part 3 is missing from the list (the plan has 3 parts)");
        assertRejected(List.of(new UploadParts.Receipt(1, "aa"), new UploadParts.Receipt(3, "cc"), new UploadParts.Receipt(2, "bb")),
                stored, "ascending order without repeats: part 2 comes after part 3");
        assertRejected(receipts("aa", "xx", "cc"), stored, "part 2's ETag xx is not the ETag of the stored part");
        assertRejected(receipts("aa", "bb", "cc"), stored.subList(0, 2), "part 3 has not been uploaded");
        assertRejected(List.of(new UploadParts.Receipt(4, "dd")), stored, "part 4 is not in this upload's plan (parts 1..3)");
    }

    @Test
    void aPartOfAnotherLengthThanThePlanSaysIsRefused() {
        List<UploadParts.Stored> shortLast = List.of(stored.get(0), stored.get(1), new UploadParts.Stored(3, "\"cc\"", 4 * MIB - 1));
        assertRejected(receipts("aa", "bb", "cc"), shortLast, "part 3 is 4194303 bytes; the plan says 4194304");
    }

    private static List<UploadParts.Receipt> receipts(String... etags) {
        return java.util.stream.IntStream.range(0, etags.length).mapToObj(i -> new UploadParts.Receipt(i + 1, etags[i])).toList();
    }

    private void assertRejected(List<UploadParts.Receipt> sent, List<UploadParts.Stored> held, String message) {
        assertThat(CompletionCheck.check(plan, sent, held)).isInstanceOfSatisfying(CompletionCheck.Verdict.Rejected.class,
                rejected -> assertThat(rejected.message()).contains(message));
    }
}
