package dev.linkport.platform.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Consistent notifications. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String message) {
        Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.SUCCESS);
    }

    /** An error the user can act on; stays until closed or 10 s passed. */
    public static void error(String message) {
        Notification n = Notification.show(message, 10000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.ERROR);
        n.addClassName("error-notification");
    }
}
