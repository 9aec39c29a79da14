package dev.assetflow.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The demo's final table: one row per asset, one line per rendition. */
final class DemoTable {
    private static final String ROW = "%-20s %-16s %-20s %-12s %-38s %10s  %s%n";

    private DemoTable() {
    }

    static void print(List<DemoRun.Result> results) {
        System.out.println();
        System.out.printf(ROW, "asset", "detected", "priority / rule", "state", "renditions / reason",
                "upload→end", "events");
        System.out.println("-".repeat(140));
        for (DemoRun.Result result : results) {
            printOne(result);
        }
        System.out.println("\nWhy the others did not become READY (GET /assets/{id} says the same):");
        for (DemoRun.Result result : results) {
            JsonNode failure = result.asset() == null ? null : result.asset().path("failure");
            if (failure != null && !failure.isMissingNode()) {
                System.out.printf("  %-20s %s %s: %s%n", result.sample().fileName(), result.asset().path("state").asText(),
                        failure.path("category").asText(), failure.path("reason").asText());
            } else if (result.asset() == null) {
                System.out.printf("  %-20s refused at the door with HTTP %d%n", result.sample().fileName(), result.uploadStatus());
            }
        }
    }

    private static void printOne(DemoRun.Result result) {
        String name = result.sample().fileName();
        JsonNode asset = result.asset();
        if (asset == null) {
            System.out.printf(ROW, name, "-", "-", result.assetId() == null ? "REFUSED" : "?",
                    "HTTP " + result.uploadStatus() + " from the upload API", "-", "");
            return;
        }
        String route = asset.path("route").isMissingNode() ? "-"
                : asset.path("route").path("priority").asText() + " / " + asset.path("route").path("rule").asText("-");
        String detected = clip(asset.path("detectedType").asText("-"), 16);
        String elapsed = String.format("%.2f s", result.elapsed().toMillis() / 1000.0);
        String events = result.renditionEvents() + " rendition.ready, " + result.readyEvents() + " asset.ready";
        JsonNode renditions = asset.path("renditions");
        if (renditions.isEmpty()) {
            String reason = asset.path("failure").path("category").asText("") + ": " + asset.path("failure").path("reason").asText("");
            String terminal = result.terminalEventType() == null ? "" : result.terminalEvents() + " " + result.terminalEventType();
            System.out.printf(ROW, name, detected, route, asset.path("state").asText(),
                    clip(reason, 38), elapsed, terminal);
            return;
        }
        for (int i = 0; i < renditions.size(); i++) {
            JsonNode r = renditions.get(i);
            String size = r.path("width").isMissingNode() ? "" : r.path("width").asInt() + "x" + r.path("height").asInt();
            String line = String.format("%-11s %11s %10s", r.path("name").asText(), size, bytes(r.path("bytes").asLong()));
            if (i == 0) {
                System.out.printf(ROW, name, detected, route, asset.path("state").asText(), line, elapsed, events);
            } else {
                System.out.printf(ROW, "", "", "", "", line, "", "");
            }
        }
    }

    /** 1023 B, 12.3 KB, 4.5 MB, 1.2 GB: sizes a reader takes in at a glance. */
    static String bytes(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
