package dev.linkport.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import dev.linkport.notification.service.NotificationRow;
import dev.linkport.notification.service.NotificationService;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.LiveUpdates;
import dev.linkport.platform.ui.LiveRefresh;
import dev.linkport.platform.ui.TimeAgo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The bell in the header: the signed-in user's unread count, kept current by server push, and a
 * popover listing the latest notifications with "mark read".
 */
public class NotificationBell extends Div {

    private static final int SHOWN = 20;

    private final NotificationService notifications;
    private final Span count = new Span();
    private final Div list = new Div();
    private final Popover popover = new Popover();

    public NotificationBell(NotificationService notifications, LiveUpdates updates, UUID userId) {
        this.notifications = notifications;
        addClassName("notification-bell");
        Button bell = new Button(VaadinIcon.BELL.create());
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        bell.setId("notification-bell");
        count.addClassName("notification-count");
        count.setId("notification-count");
        Div anchor = new Div(bell, count);
        anchor.addClassName("notification-anchor");
        add(anchor);

        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.setWidth("26rem");
        popover.addClassName("notification-popover");
        Button markAll = new Button("Mark all read", e -> {
            notifications.markAllRead();
            refresh();
        });
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Span heading = new Span("Notifications");
        heading.addClassName("notification-heading");
        Anchor settings = new Anchor("notification-settings", "Settings");
        settings.setId("notification-settings-link");
        settings.addClassName("notification-settings-link");
        settings.getElement().addEventListener("click", e -> popover.close());
        HorizontalLayout top = new HorizontalLayout(heading, new HorizontalLayout(settings, markAll));
        top.setWidthFull();
        top.setJustifyContentMode(HorizontalLayout.JustifyContentMode.BETWEEN);
        top.setAlignItems(HorizontalLayout.Alignment.CENTER);
        list.addClassName("notification-list");
        popover.add(top, list);
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                refresh();
            }
        });
        add(popover);

        refresh();
        LiveRefresh.onChange(this, updates, Changed.Topic.NOTIFICATIONS, changed -> userId.equals(changed.id()),
                this::refresh);
    }

    private void refresh() {
        long unread = notifications.unreadCount();
        count.setText(unread > 99 ? "99+" : String.valueOf(unread));
        count.setVisible(unread > 0);
        getElement().setAttribute("title", unread == 0 ? "No unread notifications" : unread + " unread notifications");
        if (popover.isOpened()) {
            showList();
        }
    }

    private void showList() {
        list.removeAll();
        List<NotificationRow> latest = notifications.mine(0, SHOWN);
        if (latest.isEmpty()) {
            Span none = new Span("Nothing yet. Decisions, new endpoints, failures and drift show up here.");
            none.addClassName("notification-empty");
            list.add(none);
        }
        for (NotificationRow n : latest) {
            list.add(item(n));
        }
    }

    private Div item(NotificationRow n) {
        Anchor title = new Anchor(n.link() == null ? "" : n.link(), n.title());
        title.addClassName("notification-title");
        title.getElement().addEventListener("click", e -> read(n));
        Span when = new Span(TimeAgo.of(n.createdAt(), Instant.now()));
        when.addClassName("notification-when");
        Div item = new Div(title, when);
        if (n.body() != null && !n.body().isBlank()) {
            Span body = new Span(n.body());
            body.addClassName("notification-body");
            item.add(body);
        }
        item.addClassName("notification-item");
        if (n.unread()) {
            item.addClassName("unread");
            Button read = new Button("Mark read", e -> read(n));
            read.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            item.add(read);
        }
        return item;
    }

    private void read(NotificationRow n) {
        if (n.unread()) {
            notifications.markRead(n.id());
            refresh();
        }
    }

}
