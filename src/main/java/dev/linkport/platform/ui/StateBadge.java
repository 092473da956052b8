package dev.linkport.platform.ui;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/** A lifecycle state as a coloured badge; the CSS class says which state, e.g. {@code state-available}. */
public class StateBadge extends Span {

    public StateBadge(String state) {
        addClassName("state-badge");
        set(state);
    }

    public StateBadge(Enum<?> state) {
        this(state == null ? null : state.name());
    }

    public void set(Enum<?> state) {
        set(state == null ? null : state.name());
    }

    public void set(String state) {
        getClassNames().removeIf(c -> c.startsWith("state-") && !c.equals("state-badge"));
        String s = state == null ? "unknown" : state;
        setText(s.replace('_', ' '));
        addClassName("state-" + s.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
