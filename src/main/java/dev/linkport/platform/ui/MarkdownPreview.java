package dev.linkport.platform.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * A live preview of a Markdown text area: the text as readers will see it, under the field.
 * It follows what the user types after a pause (the field's own value and its validation still
 * update when the field changes, as before), and only while it is open. Its summary is a toggle
 * that the keyboard reaches with Tab and opens or closes with Enter or Space.
 */
public class MarkdownPreview extends Details {

    /** A helper text for the field: what Markdown can do here, in one line. */
    public static final String SYNTAX_HELP = "Markdown: # headings, - lists, **bold**, `code`, [links](https://…). "
            + "HTML shows as typed; images become links.";

    /** How long typing must pause before the preview follows, in milliseconds. */
    static final int TYPING_PAUSE_MS = 300;

    private final MarkdownText text = new MarkdownText("Nothing to preview yet.");

    public MarkdownPreview(TextArea source) {
        super("Preview");
        addClassName("markdown-preview");
        add(text);
        source.getElement().addEventListener("input", e -> {
            if (isOpened()) {
                text.setMarkdown(e.getEventData().get("element.value").asString());
            }
        }).addEventData("element.value").debounce(TYPING_PAUSE_MS);
        source.addValueChangeListener(e -> {
            if (isOpened()) {
                text.setMarkdown(e.getValue());
            }
        });
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                text.setMarkdown(source.getValue());
            }
        });
        setOpened(true);
    }
}
