package dev.linkport.platform.ui;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Turns the Markdown that providers write (service descriptions) into HTML that is safe to put
 * into other people's browsers. CommonMark without extensions, with these rules:
 * <ul>
 *   <li>raw HTML, as a block or inline, is escaped: it shows as the text that was typed;</li>
 *   <li>links keep only {@code http}, {@code https}, {@code mailto} or no scheme (a path on
 *       Linkport); any other ({@code javascript:}, {@code data:}, {@code vbscript:}, …) turns the
 *       link into its plain text. Links get {@code rel="noopener noreferrer"}, and all but
 *       {@code mailto} open in a new tab, so the reader keeps the service page;</li>
 *   <li>images are not loaded: each becomes a link to the image, labelled with its alt text.
 *       An image would be fetched from wherever the author points it by every reader who opens
 *       the page (tracking, mixed content, megabytes), for a catalog page that rarely needs one;</li>
 *   <li>headings move three levels down ({@code #} becomes {@code h4}): descriptions sit under the
 *       page's own {@code h2} and {@code h3}, and must not outrank them;</li>
 *   <li>a single line break stays a line break, as descriptions showed before they were rendered.</li>
 * </ul>
 * Thread-safe; parsing and rendering are linear in the input.
 */
public final class MarkdownRenderer {

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    private static final int HEADING_OFFSET = 3;

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .softbreak("<br>\n")
            .nodeRendererFactory(SafeNodes::new)
            .build();

    private MarkdownRenderer() {
    }

    /** The HTML of the Markdown (a sequence of block elements, no single root); "" for null or blank. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }

    /**
     * Whether a link may point there: no scheme (relative to Linkport) or one of {@link #SAFE_SCHEMES}.
     * Browsers ignore control characters and white space inside a scheme ({@code java\tscript:}), so
     * those are removed before the scheme is read; schemes compare case-insensitively.
     */
    static boolean isSafeUrl(String url) {
        StringBuilder compact = new StringBuilder(url.length());
        url.codePoints().filter(c -> c > 0x20 && c != 0x7f).forEach(compact::appendCodePoint);
        String u = compact.toString();
        int colon = u.indexOf(':');
        if (colon < 0) {
            return true;
        }
        for (int i = 0; i < colon; i++) {
            char c = u.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return true; // the colon is in the path, query or fragment of a relative URL
            }
        }
        return SAFE_SCHEMES.contains(u.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    /** Renders links, images and headings by the rules above; everything else as CommonMark does. */
    private static final class SafeNodes implements NodeRenderer {

        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        SafeNodes(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class, Image.class, Heading.class);
        }

        @Override
        public void render(Node node) {
            switch (node) {
                case Link link -> link(link, link.getDestination(), link.getTitle(), null);
                case Image image -> link(image, image.getDestination(), image.getTitle(), "markdown-image");
                case Heading heading -> {
                    String tag = "h" + Math.min(6, heading.getLevel() + HEADING_OFFSET);
                    html.line();
                    html.tag(tag, context.extendAttributes(heading, tag, Map.of()));
                    children(heading);
                    html.tag("/" + tag);
                    html.line();
                }
                default -> throw new IllegalArgumentException("Not rendered here: " + node.getClass());
            }
        }

        private void link(Node node, String destination, String title, String cssClass) {
            if (destination == null || !isSafeUrl(destination)) {
                children(node); // the words stay, the link goes
                return;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("href", context.encodeUrl(destination));
            if (title != null && !title.isEmpty()) {
                attributes.put("title", title);
            }
            if (cssClass != null) {
                attributes.put("class", cssClass);
            }
            attributes.put("rel", "noopener noreferrer");
            if (!destination.strip().toLowerCase(Locale.ROOT).startsWith("mailto:")) {
                attributes.put("target", "_blank");
            }
            html.tag("a", context.extendAttributes(node, "a", attributes));
            if (node instanceof Image && node.getFirstChild() == null) {
                html.text(destination); // an image without alt text: say where it is
            } else {
                children(node);
            }
            html.tag("/a");
        }

        private void children(Node parent) {
            Node child = parent.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
        }
    }
}
