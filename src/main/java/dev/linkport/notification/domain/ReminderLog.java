package dev.linkport.notification.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which requests were reminded of or escalated ({@code notification_reminder}): each at most once. */
@Repository
public class ReminderLog {

    /** A reminder to the deciders, or an escalation to the admins. */
    public enum Stage { REMINDED, ESCALATED }

    private final JdbcClient jdbc;

    ReminderLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the stage for the request unless it is recorded already; only the caller that gets {@code true}
     * tells anyone. Concurrent callers on other instances wait for the first one's transaction and then get
     * {@code false}.
     */
    public boolean claim(UUID requestId, Stage stage, Instant now) {
        return jdbc.sql("""
                        insert into notification_reminder (request_id, stage, sent_at) values (?, ?, ?)
                        on conflict do nothing""")
                .params(requestId, stage.name(), Timestamp.from(now)).update() == 1;
    }
}
