package dev.linkport.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.LiveUpdates;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a view to {@link LiveUpdates} while it is on screen: listens from attach to detach and
 * calls back in the view's UI (through server push) for changes of one topic.
 */
public final class LiveRefresh {

    private static final Logger log = LoggerFactory.getLogger(LiveRefresh.class);

    private LiveRefresh() {
    }

    public static void onChange(Component view, LiveUpdates updates, Changed.Topic topic, Consumer<Changed> refresh) {
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            AutoCloseable handle = updates.listen(changed -> {
                if (topic == changed.topic()) {
                    try {
                        ui.access(() -> refresh.accept(changed));
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
        });
    }
}
