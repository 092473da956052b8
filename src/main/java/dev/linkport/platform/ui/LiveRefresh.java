package dev.linkport.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.LiveUpdates;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a view to {@link LiveUpdates} while it is on screen: listens from attach to detach and
 * refreshes the view in its UI (through server push) when something it shows changes.
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

    /** Refreshes the view on the changes of the topic that concern it. */
    public static void onChange(Component view, LiveUpdates updates, Changed.Topic topic, Predicate<Changed> concerns,
                                Runnable refresh) {
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            AutoCloseable handle = updates.listen(changed -> {
                if (topic == changed.topic() && concerns.test(changed)) {
                    try {
                        ui.access(refresh::run);
                    } catch (UIDetachedException gone) {
                        // closed meanwhile; the detach listener stops listening
                    }
                }
            });
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
