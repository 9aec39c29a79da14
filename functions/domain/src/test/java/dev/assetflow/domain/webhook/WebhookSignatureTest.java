package dev.assetflow.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final byte[] SECRET = "whsec_test_4f1d".getBytes(StandardCharsets.UTF_8);
    private static final Instant AT = Instant.parse("2026-12-03T12:00:00Z");
    private static final String BODY = "{\"eventId\":\"e1\",\"type\":\"asset.ready\",\"note\":\"caf\u00e9\"}";

    @Test
    void theHeaderIsTheTimestampAndTheHexHmacOfTimestampDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((AT.getEpochSecond() + "." + BODY).getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.header(SECRET, AT, BODY)).isEqualTo("t=" + AT.getEpochSecond() + ",v1=" + expected);
    }

    @Test
    void aReceiverAcceptsTheExactBodyWithinTheTolerance() {
        String header = WebhookSignature.header(SECRET, AT, BODY);
        assertThat(WebhookSignature.verify(header, BODY, SECRET, AT.plusSeconds(120), WebhookSignature.DEFAULT_TOLERANCE))
                .isEqualTo(new WebhookSignature.Valid(AT));
    }

    @Test
    void aTamperedBodyAnotherSecretAnOldTimestampOrAMalformedHeaderFail() {
        String header = WebhookSignature.header(SECRET, AT, BODY);
        Duration tolerance = WebhookSignature.DEFAULT_TOLERANCE;
        assertThat(WebhookSignature.verify(header, BODY.replace("ready", "failed"), SECRET, AT, tolerance))
                .isEqualTo(new WebhookSignature.Invalid("the signature does not match the body"));
        assertThat(WebhookSignature.verify(header, BODY, "other".getBytes(StandardCharsets.UTF_8), AT, tolerance))
                .isInstanceOf(WebhookSignature.Invalid.class);
        assertThat(WebhookSignature.verify(header, BODY, SECRET, AT.plus(Duration.ofMinutes(6)), tolerance))
                .asString().contains("outside the tolerance");
        assertThat(WebhookSignature.verify("v1=abc", BODY, SECRET, AT, tolerance)).asString().contains("t=… and v1=…");
        assertThat(WebhookSignature.verify(null, BODY, SECRET, AT, tolerance)).asString().contains("no Assetflow-Signature");
        String forgedTime = header.replace("t=" + AT.getEpochSecond(), "t=" + (AT.getEpochSecond() + 60));
        assertThat(WebhookSignature.verify(forgedTime, BODY, SECRET, AT, tolerance)).as("the timestamp is signed too")
                .isInstanceOf(WebhookSignature.Invalid.class);
    }
}
