package dev.linkport.platform.ui;

import com.vaadin.flow.component.html.Div;
import org.springframework.web.util.HtmlUtils;

/**
 * Markdown shown as formatted text, rendered on the server by {@link MarkdownRenderer} (no raw
 * HTML, safe links only). The rendered blocks go inside this one {@code div}, so the component
 * keeps its id and class however often the text changes.
 */
public class MarkdownText extends Div {

    private final String whenEmpty;

    /** @param whenEmpty what to show, in place of the text, while there is none */
    public MarkdownText(String whenEmpty) {
        this.whenEmpty = whenEmpty;
        addClassName("markdown-text");
        setMarkdown(null);
    }

    public void setMarkdown(String markdown) {
        String html = MarkdownRenderer.toHtml(markdown);
        getElement().setProperty("innerHTML", html.isEmpty()
                ? "<p class=\"hint\">" + HtmlUtils.htmlEscape(whenEmpty) + "</p>" : html);
    }
}
