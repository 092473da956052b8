package dev.linkport.platform.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Supplier;

/** Copies a text to the clipboard in the browser. */
public class CopyButton extends Button {

    public CopyButton(String label, Supplier<String> text) {
        super(label, VaadinIcon.COPY_O.create());
        addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        addClickListener(e -> {
            getElement().executeJs("return navigator.clipboard.writeText($0)", text.get())
                    .then(ok -> Notifications.success("Copied to the clipboard"),
                            err -> Notifications.error("The browser did not allow copying; select the text and copy it by hand."));
        });
    }
}
