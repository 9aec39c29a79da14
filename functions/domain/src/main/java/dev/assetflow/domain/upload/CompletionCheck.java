package dev.assetflow.domain.upload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a multipart upload may be completed with the parts a client lists: every part of the plan,
 * in ascending order, each with the ETag and the exact length S3 holds for it. S3 itself checks the
 * order and the ETags; checking here names the part at fault in the API's answer, and checks the
 * lengths too, which binds the declared size even where part URLs are not verified (the local emulator).
 */
public final class CompletionCheck {

    public sealed interface Verdict {
        record Complete(List<UploadParts.Receipt> parts) implements Verdict {}

        record Rejected(String message) implements Verdict {}
    }

    private CompletionCheck() {
    }

    public static Verdict check(MultipartPlan plan, List<UploadParts.Receipt> sent, List<UploadParts.Stored> stored) {
        Map<Integer, UploadParts.Stored> held = new HashMap<>();
        stored.forEach(part -> held.put(part.partNumber(), part));
        int previous = 0;
        for (UploadParts.Receipt receipt : sent) {
            if (!plan.hasPart(receipt.partNumber())) {
                return rejected("part " + receipt.partNumber() + " is not in this upload's plan (parts 1.." + plan.partCount() + ")");
            }
            if (receipt.partNumber() <= previous) {
                return rejected("parts must be listed in ascending order without repeats: part " + receipt.partNumber()
                        + " comes after part " + previous);
            }
            previous = receipt.partNumber();
        }
        for (int expected = 1, i = 0; expected <= plan.partCount(); expected++, i++) {
            if (i >= sent.size() || sent.get(i).partNumber() != expected) {
                return rejected("part " + expected + " is missing from the list (the plan has " + plan.partCount() + " parts)");
            }
        }
        for (UploadParts.Receipt receipt : sent) {
            UploadParts.Stored part = held.get(receipt.partNumber());
            if (part == null) {
                return rejected("part " + receipt.partNumber() + " has not been uploaded");
            }
            if (!UploadParts.normalEtag(part.etag()).equals(UploadParts.normalEtag(receipt.etag()))) {
                return rejected("part " + receipt.partNumber() + "'s ETag " + receipt.etag()
                        + " is not the ETag of the stored part (" + part.etag() + "): upload the part again, or send the ETag its PUT answered");
            }
            long expected = plan.length(receipt.partNumber());
            if (part.sizeBytes() != expected) {
                return rejected("part " + receipt.partNumber() + " is " + part.sizeBytes() + " bytes; the plan says "
                        + expected + " (the upload's declared size is " + plan.sizeBytes() + ")");
            }
        }
        return new Verdict.Complete(sent.stream()
                .map(r -> new UploadParts.Receipt(r.partNumber(), held.get(r.partNumber()).etag()))
                .toList());
    }

    private static Verdict rejected(String message) {
        return new Verdict.Rejected(message);
    }
}
