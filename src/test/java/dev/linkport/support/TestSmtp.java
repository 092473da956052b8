package dev.linkport.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real SMTP server (GreenMail) on the port {@link TestPorts#SMTP} that the test configuration names as
 * {@code spring.mail.port}. The shared test context starts it ({@link Started}), so Linkport's e-mails in every
 * test reach it instead of being retried and given up; it runs for the rest of the JVM and every test reads the
 * same mailbox.
 */
public final class TestSmtp {

    private static GreenMail server;

    private TestSmtp() {
    }

    /** Starts the server with the shared test context ({@code @LinkportIntegrationTest} imports this). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Started {

        @Bean(destroyMethod = "")
        GreenMail testSmtpServer() {
            return server();
        }
    }

    /** The server, started on first use. */
    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(TestPorts.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** The e-mails received so far for the address whose subject contains the text. */
    public static List<MimeMessage> to(String address, String subjectContains) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(subjectContains)
                        && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The plain text of an e-mail, decoded. */
    public static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
