package dev.assetflow.backfillfunction;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.assetflow.aws.clients.AwsClients;
import dev.assetflow.aws.clients.ClientSettings;
import dev.assetflow.domain.backfill.BackfillStepMessage;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The backfill function on events/backfill: its step message names the run, and when the checkpoint table cannot
 * be reached the message is handed back for a retry (a batch item failure), never dropped. BackfillIT covers a run.
 */
class BackfillHandlerTest {
    static final AwsClients OFFLINE = new AwsClients(ClientSettings.forEmulator(URI.create("http://127.0.0.1:9"), "us-east-1"));

    @AfterAll
    static void closeClients() {
        OFFLINE.close();
    }

    @ParameterizedTest
    @Event(value = "events/backfill/step.json", type = SQSEvent.class)
    void aStepWhoseCheckpointCannotBeReadIsRetried(SQSEvent event) {
        assertThat(BackfillStepMessage.runId(event.getRecords().get(0).getBody())).contains("backfill-1a2b3c4d");
        BackfillHandler handler = new BackfillHandler(OFFLINE, Map.of("BACKFILLS_TABLE", "t-backfills", "ASSETS_TABLE", "t-assets",
                "INGEST_QUEUE_URL", "http://127.0.0.1:9/q/ingest", "BACKFILL_QUEUE_URL", "http://127.0.0.1:9/q/backfill",
                "DEAD_LETTER_QUEUE_URLS", "{}", "FAILURES_TABLE", "t-failures"));
        SQSBatchResponse response = handler.handleRequest(event, null);
        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.getItemIdentifier()).isEqualTo(event.getRecords().get(0).getMessageId()));
    }
}
