package dev.assetflow.domain.upload;

/**
 * How a large file is cut into parts for an S3 multipart upload: every part {@code partSize} bytes but
 * the last. S3 allows at most 10,000 parts of 5 MiB to 5 GiB each (the last may be smaller) and objects of
 * up to 5 TiB (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html); the part size is the
 * smallest whole number of MiB, and never under the minimum, that keeps the count within 10,000.
 */
public record MultipartPlan(long sizeBytes, long partSize, int partCount) {
    public static final long MIB = 1024L * 1024;
    /** S3's own floor for every part but the last. */
    public static final long S3_MIN_PART_BYTES = 5 * MIB;
    public static final long S3_MAX_PART_BYTES = 5 * 1024 * MIB;
    public static final int S3_MAX_PARTS = 10_000;
    public static final long S3_MAX_OBJECT_BYTES = 5L * 1024 * 1024 * MIB;

    public MultipartPlan {
        if (sizeBytes <= 0 || partSize <= 0 || partCount <= 0 || partCount > S3_MAX_PARTS
                || (partCount - 1) * partSize >= sizeBytes || (long) partCount * partSize < sizeBytes) {
            throw new IllegalArgumentException("not a plan: " + sizeBytes + " bytes in " + partCount + " parts of " + partSize);
        }
    }

    /** The plan for a file of {@code sizeBytes}, parts of at least {@code minPartBytes} (itself at least 5 MiB). */
    public static MultipartPlan of(long sizeBytes, long minPartBytes) {
        if (minPartBytes < S3_MIN_PART_BYTES || minPartBytes > S3_MAX_PART_BYTES) {
            throw new IllegalArgumentException("parts must be 5 MiB to 5 GiB, not " + minPartBytes + " bytes");
        }
        if (sizeBytes <= 0 || sizeBytes > S3_MAX_OBJECT_BYTES) {
            throw new IllegalArgumentException("S3 stores 1 byte to 5 TiB in parts, not " + sizeBytes + " bytes");
        }
        long needed = ceilDiv(sizeBytes, S3_MAX_PARTS);
        long partSize = Math.max(minPartBytes, ceilDiv(needed, MIB) * MIB);
        return new MultipartPlan(sizeBytes, partSize, Math.toIntExact(ceilDiv(sizeBytes, partSize)));
    }

    /** Where part {@code partNumber} (1-based, as S3 numbers them) starts in the file. */
    public long offset(int partNumber) {
        requirePart(partNumber);
        return (partNumber - 1) * partSize;
    }

    /** The exact length of part {@code partNumber}: the part size, or what is left for the last one. */
    public long length(int partNumber) {
        requirePart(partNumber);
        return partNumber < partCount ? partSize : sizeBytes - offset(partNumber);
    }

    public boolean hasPart(int partNumber) {
        return partNumber >= 1 && partNumber <= partCount;
    }

    private void requirePart(int partNumber) {
        if (!hasPart(partNumber)) {
            throw new IllegalArgumentException("part " + partNumber + " is not in 1.." + partCount);
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
