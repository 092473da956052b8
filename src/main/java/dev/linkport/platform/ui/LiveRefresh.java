package dev.linkport.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.LiveUpdates;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a view to {@link LiveUpdates} while it is on screen: listens from attach to detach and
 * refreshes the view in its UI (through server push) when something it shows changes.
 *
 * <p>Refreshes are coalesced: a burst of changes refreshes a view at most once per
 * {@link LiveUpdates#REFRESH_INTERVAL} (the first at once, the rest together at the end of the
 * interval), so a hundred changes cost a page one or two queries, not a hundred.
 *
 * <p>A view usually reads its data before it is attached (in {@code beforeEnter}); a change
 * committed between that read and the start of listening would be missed. So the view refreshes
 * once more as soon as it listens.
 */
public final class LiveRefresh {

    private static final Logger log = LoggerFactory.getLogger(LiveRefresh.class);

    private LiveRefresh() {
    }

    /** Refreshes the view on every change of the topic. */
    public static void onChange(Component view, LiveUpdates updates, Changed.Topic topic, Runnable refresh) {
        onChange(view, updates, topic, changed -> true, refresh);
    }

    /**
     * Refreshes the view on the changes of the topic that concern it. The test runs on a background
     * thread, without the signed-in user: it should only compare the change with what the view knows.
     */
    public static void onChange(Component view, LiveUpdates updates, Changed.Topic topic, Predicate<Changed> concerns,
                                Runnable refresh) {
        onConcerningChange(view, updates, topic, () -> concerns, refresh);
    }

    /**
     * As {@link #onChange(Component, LiveUpdates, Changed.Topic, Predicate, Runnable)}, with the test made
     * afresh, in the UI, each time the view is attached (e.g. from the teams the user has then).
     */
    public static void onConcerningChange(Component view, LiveUpdates updates, Changed.Topic topic,
                                          Supplier<Predicate<Changed>> concernsOnAttach, Runnable refresh) {
        whileAttached(view, updates, refreshSoon -> {
            Predicate<Changed> concerns = concernsOnAttach.get();
            return updates.listen(changed -> {
                if (topic == changed.topic() && concerns.test(changed)) {
                    refreshSoon.run();
                }
            });
        }, refresh);
    }

    /**
     * Refreshes the view, coalesced and in its UI, whenever a source of signals other than
     * {@link LiveUpdates} says so, from attach to detach: {@code subscribe} is called in the UI on every
     * attach with the signal to give the source, and returns the handle that stops listening.
     */
    public static void whileAttached(Component view, LiveUpdates updates,
                                     Function<Runnable, AutoCloseable> subscribe, Runnable refresh) {
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            Runnable refreshSoon = updates.coalesced(() -> {
                try {
                    ui.access(refresh::run);
                } catch (UIDetachedException gone) {
                    // closed meanwhile; the detach listener stops listening
                }
            });
            AutoCloseable handle = subscribe.apply(refreshSoon);
            Registration[] detach = new Registration[1];
            detach[0] = view.addDetachListener(d -> {
                try {
                    handle.close();
                } catch (Exception e) {
                    log.debug("Could not stop listening", e);
                }
                detach[0].remove();
            });
            refresh.run(); // catch up on what changed before listening started
        });
    }
}
