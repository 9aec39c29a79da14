package dev.assetflow.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header of a webhook delivery: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>},
 * the scheme Stripe and Mux use (https://docs.stripe.com/webhooks#verify-manually). Signing the timestamp with the exact
 * bytes of the body lets a receiver refuse a tampered body and a replayed old delivery (outside its tolerance).
 */
public final class WebhookSignature {
    public static final String HEADER = "Assetflow-Signature";
    /** How far a receiver should accept a timestamp from its own clock, as Stripe's libraries default. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {}

    /** What checking a header found. */
    public sealed interface Verification {}

    public record Valid(Instant signedAt) implements Verification {}

    public record Invalid(String reason) implements Verification {}

    public static String header(byte[] secret, Instant at, String body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hmac(secret, t + "." + body);
    }

    public static Verification verify(String header, String body, byte[] secret, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            return new Invalid("no " + HEADER + " header");
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                try {
                    t = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return new Invalid("the timestamp is not a number: " + pair[1]);
                }
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                v1 = pair[1];
            }
        }
        if (t == null || v1 == null) {
            return new Invalid("the header needs t=… and v1=…");
        }
        Instant signedAt = Instant.ofEpochSecond(t);
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            return new Invalid("signed at " + signedAt + ", outside the tolerance of " + tolerance + " around " + now);
        }
        byte[] expected = hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
        // constant time: a receiver must not tell an attacker how many leading characters were right
        return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII)) ? new Valid(signedAt)
                : new Invalid("the signature does not match the body");
    }

    private static String hmac(byte[] secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
