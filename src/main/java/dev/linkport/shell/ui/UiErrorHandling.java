package dev.linkport.shell.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import dev.linkport.platform.LinkportException;
import dev.linkport.platform.ui.Notifications;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions that escape a view into messages: Linkport's own exceptions are shown as they
 * are (they are written for the user), anything else as a short message with a reference that
 * matches the log line. Never a stack trace in the browser.
 */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(UiErrorHandling::handle));
    }

    /** What people see when Linkport cannot reach its database (a restart, a failover): nothing technical. */
    static final String DATABASE_AWAY = "Linkport cannot reach its database at the moment, so this did not go "
            + "through. Try again in a minute; nothing else is lost.";

    static void handle(ErrorEvent event) {
        String message = messageFor(event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notifications.error(message));
        } else if (VaadinSession.getCurrent() != null) {
            log.warn("UI error without a UI: {}", message);
        }
    }

    /** The message for an exception that escaped a view; unexpected ones are logged with a reference. */
    static String messageFor(Throwable thrown) {
        Throwable root = userFacing(thrown);
        if (root instanceof LinkportException e) {
            return e.getMessage();
        } else if (root instanceof ObjectOptimisticLockingFailureException) {
            return "Someone else changed this after you opened it. Reload and make your change again.";
        } else if (root instanceof AccessDeniedException e) {
            return "You may not do that: " + e.getMessage();
        } else if (databaseAway(thrown)) {
            log.warn("A UI action failed because the database did not answer: {}", thrown.toString());
            return DATABASE_AWAY;
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error in the UI (ref {})", ref, thrown);
        return "Something went wrong (reference " + ref + "). Try again; if it keeps happening, tell your platform team.";
    }

    /** Whether the failure is the database being unreachable (no connection, connection lost), not a bug. */
    static boolean databaseAway(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable userFacing(Throwable t) {
        Throwable current = t;
        while (current != null) {
            if (current instanceof LinkportException || current instanceof ObjectOptimisticLockingFailureException
                    || current instanceof AccessDeniedException) {
                return current;
            }
            current = current.getCause();
        }
        return t;
    }
}
