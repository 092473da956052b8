package dev.linkport.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Linkport-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} with
 * the webhook's secret. A receiver recomputes the HMAC over the timestamp and the raw body, compares in constant
 * time, and refuses timestamps older than a few minutes, so a captured call cannot be replayed later.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Linkport-Signature";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new webhook secret: 32 random bytes. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header value for a body sent at {@code epochSeconds}. */
    public static String header(String secret, long epochSeconds, String body) {
        return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds + "." + body);
    }

    static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
