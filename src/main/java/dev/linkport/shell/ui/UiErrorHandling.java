package dev.linkport.shell.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import dev.linkport.platform.LinkportException;
import dev.linkport.platform.ui.Notifications;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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

    static void handle(ErrorEvent event) {
        Throwable root = userFacing(event.getThrowable());
        String message;
        if (root instanceof LinkportException e) {
            message = e.getMessage();
        } else if (root instanceof ObjectOptimisticLockingFailureException) {
            message = "Someone else changed this after you opened it. Reload and make your change again.";
        } else if (root instanceof AccessDeniedException e) {
            message = "You may not do that: " + e.getMessage();
        } else {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error in the UI (ref {})", ref, event.getThrowable());
            message = "Something went wrong (reference " + ref + "). Try again; if it keeps happening, tell your platform team.";
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notifications.error(message));
        } else if (VaadinSession.getCurrent() != null) {
            log.warn("UI error without a UI: {}", message);
        }
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
