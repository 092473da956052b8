package dev.linkport.notification;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linkport.notifications.*}. E-mail itself is Spring's {@code spring.mail.*}: without
 * {@code spring.mail.host} the e-mail channel is off.
 *
 * @param publicUrl     Linkport's address as people reach it, for the links in e-mails and webhooks
 * @param mailFrom      the sender of Linkport's e-mails
 * @param remindAfter   a request waiting this long for a decision reminds its deciders, once
 * @param escalateAfter a request waiting this long is escalated to the platform admins, once
 * @param checkEvery    how often Linkport looks for requests to remind of or escalate
 * @param delivery      how e-mails and webhooks are sent and retried
 */
@ConfigurationProperties("linkport.notifications")
public record NotificationProperties(@DefaultValue("http://localhost:8080") URI publicUrl,
                                     @DefaultValue("linkport@localhost") String mailFrom,
                                     @DefaultValue("24h") Duration remindAfter,
                                     @DefaultValue("72h") Duration escalateAfter,
                                     @DefaultValue("15m") Duration checkEvery,
                                     @DefaultValue Delivery delivery) {

    public NotificationProperties {
        if (delivery == null) {
            delivery = new Delivery(6, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofSeconds(10));
        }
        if (!escalateAfter.minus(remindAfter).isPositive()) {
            throw new IllegalArgumentException("linkport.notifications.escalate-after (" + escalateAfter
                    + ") must be longer than remind-after (" + remindAfter + ")");
        }
    }

    /** The absolute address of a page of Linkport ({@code approvals/…}). */
    public String link(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + (path == null ? "" : path);
    }

    /**
     * @param maxAttempts attempts per delivery (the first included) before it is given up
     * @param retryBase   the wait before the first retry; it doubles with each, with full jitter
     * @param retryCap    the longest wait between attempts
     * @param timeout     how long one webhook call or SMTP exchange may take
     */
    public record Delivery(@DefaultValue("6") int maxAttempts, @DefaultValue("30s") Duration retryBase,
                           @DefaultValue("30m") Duration retryCap, @DefaultValue("10s") Duration timeout) {
    }
}
