package dev.assetflow.localstack.burst;

import java.util.List;
import java.util.Locale;

/** Nearest-rank percentiles of a sample (p50, p95, p99, max), for the burst's figures. */
record Percentiles(int count, double p50, double p95, double p99, double max) {

    static Percentiles of(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    /** The smallest value with at least p % of the sample at or below it. */
    static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    String format(String unit, String pattern) {
        if (count == 0) {
            return "none";
        }
        String value = pattern + " " + unit;
        return String.format(Locale.ROOT, "p50 " + value + ", p95 " + value + ", p99 " + value + ", max " + value + " (n = %d)",
                p50, p95, p99, max, count);
    }
}
