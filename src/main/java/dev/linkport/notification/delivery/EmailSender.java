package dev.linkport.notification.delivery;

import dev.linkport.notification.NotificationProperties;
import dev.linkport.notification.domain.NotificationDelivery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails through Spring Mail. The channel is on only when Spring Boot configured a mail sender
 * ({@code spring.mail.host} is set); otherwise nobody is offered e-mail and none is queued.
 */
@Component
public class EmailSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;

    EmailSender(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    /** Whether Linkport can send e-mail (a mail server is configured). */
    public boolean enabled() {
        return mail.getIfAvailable() != null;
    }

    SendOutcome send(NotificationDelivery d) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return SendOutcome.permanentFailure(null, "E-mail is off: spring.mail.host is not set");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(d.getTarget());
        message.setSubject("[Linkport] " + d.getTitle());
        message.setText(text(d));
        try {
            sender.send(message);
            return SendOutcome.delivered("Accepted by the mail server");
        } catch (MailSendException e) {
            // the server could not be reached or refused for now: worth another try
            return SendOutcome.transientFailure(null, "Mail server: " + rootMessage(e));
        } catch (MailException e) {
            return SendOutcome.permanentFailure(null, "Mail: " + rootMessage(e));
        }
    }

    /** JavaMail nests the reason (connection refused, address rejected) a few causes deep. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (Throwable c = e; c != null; c = c.getCause()) {
            root = c;
            if (c instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
                Exception failed = send.getFailedMessages().values().iterator().next();
                if (failed != null && failed != c) {
                    return rootMessage(failed);
                }
            }
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    String text(NotificationDelivery d) {
        StringBuilder text = new StringBuilder(d.getTitle()).append("\n\n");
        if (d.getBody() != null && !d.getBody().isBlank()) {
            text.append(d.getBody()).append("\n\n");
        }
        if (d.getLink() != null) {
            text.append("Open in Linkport: ").append(properties.link(d.getLink())).append("\n\n");
        }
        text.append("-- \nYou get this e-mail because of your notification settings in Linkport: ")
                .append(properties.link("notification-settings")).append("\n");
        return text.toString();
    }
}
