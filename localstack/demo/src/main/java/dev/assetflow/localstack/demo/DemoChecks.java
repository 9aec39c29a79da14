package dev.assetflow.localstack.demo;

import dev.assetflow.localstack.client.EventTap;
import java.util.ArrayList;
import java.util.List;

/** Compares what happened to a sample with what must happen to it. */
final class DemoChecks {

    private DemoChecks() {
    }

    static DemoRun.Result check(DemoRun.Result result, EventTap searchIndex, EventTap notifications) {
        DemoSample.Expected expected = result.sample().expected();
        List<String> problems = new ArrayList<>();
        long renditionEvents = result.assetId() == null ? 0 : searchIndex.count(result.assetId(), "rendition.ready");
        long readyEvents = result.assetId() == null ? 0 : notifications.count(result.assetId(), "asset.ready");
        String terminalType = result.asset() == null ? null : terminalEventType(result.asset().path("state").asText());
        long terminalEvents = terminalType == null ? 0 : notifications.count(result.assetId(), terminalType);
        if (expected.isRefusal()) {
            if (result.uploadStatus() != expected.refusedWithStatus()) {
                problems.add("expected the upload API to refuse it with HTTP " + expected.refusedWithStatus()
                        + ", got " + result.uploadStatus());
            }
        } else if (result.asset() == null) {
            problems.add("no asset record appeared (upload answered " + result.uploadStatus() + ")");
        } else {
            String state = result.asset().path("state").asText();
            String category = result.asset().path("failure").path("category").asText(null);
            if (!expected.state().equals(state)) {
                problems.add("expected " + expected + ", but the asset is " + state
                        + (category == null ? "" : " / " + category));
            } else if (expected.failureCategory() != null && !expected.failureCategory().equals(category)) {
                problems.add("expected failure category " + expected.failureCategory() + ", got " + category);
            }
            if ("READY".equals(expected.state())) {
                int renditions = result.asset().path("renditions").size();
                if (renditions == 0) {
                    problems.add("READY without renditions");
                }
                if (renditionEvents != renditions) {
                    problems.add(renditions + " renditions but " + renditionEvents + " rendition.ready events");
                }
                if (readyEvents != 1) {
                    problems.add(readyEvents + " asset.ready events instead of exactly one");
                }
            } else if (terminalType != null && terminalEvents != 1) {
                // a client learns of a bad file from its event as much as from GET /assets/{id}
                problems.add(terminalEvents + " " + terminalType + " events instead of exactly one");
            }
        }
        return new DemoRun.Result(result.sample(), result.uploadStatus(), result.assetId(), result.asset(),
                result.elapsed(), renditionEvents, readyEvents, terminalType, terminalEvents, problems);
    }

    /** The event announcing a terminal state other than READY, as the notifications subscriber receives it. */
    static String terminalEventType(String state) {
        return switch (state) {
            case "FAILED" -> "asset.failed";
            case "QUARANTINED" -> "asset.quarantined";
            case "PARTIAL" -> "asset.partial";
            default -> null;
        };
    }
}
