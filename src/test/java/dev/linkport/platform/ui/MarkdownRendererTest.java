package dev.linkport.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What providers write reaches consumers' browsers: Markdown formats, and nothing in it runs or
 * loads — no raw HTML, no script URLs, no images.
 */
class MarkdownRendererTest {

    @Test
    void aScriptTagIsShownAsTextNotRun() {
        String html = MarkdownRenderer.toHtml("<script>alert(1)</script>");
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void inlineHtmlWithAnEventHandlerIsShownAsText() {
        String html = MarkdownRenderer.toHtml("Look: <img src=x onerror=alert(1)> here");
        assertThat(html).isEqualTo("<p>Look: &lt;img src=x onerror=alert(1)&gt; here</p>\n");
    }

    @Test
    void anHtmlBlockIsShownAsText() {
        String html = MarkdownRenderer.toHtml("<div onclick=\"steal()\">\n<iframe src=\"https://evil.example\"></iframe>\n</div>");
        assertThat(html).doesNotContain("<div").doesNotContain("<iframe")
                .contains("&lt;div onclick=&quot;steal()&quot;&gt;").contains("&lt;iframe");
    }

    @Test
    void inlineHtmlInsideEmphasisAndHeadingsIsShownAsText() {
        String html = MarkdownRenderer.toHtml("# Title <b onmouseover=x()>bold</b>\n\n*a <svg onload=alert(1)>*");
        assertThat(html).doesNotContain("<b ").doesNotContain("<svg")
                .contains("&lt;b onmouseover=x()&gt;bold&lt;/b&gt;").contains("<em>a &lt;svg onload=alert(1)&gt;</em>");
    }

    @ParameterizedTest(name = "[x]({0}) keeps its text and loses its link")
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
            "<java\tscript:alert(1)>", "javascript&#58;alert(1)", "javascript&colon;alert(1)",
            "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "%6Aavascript:alert(1)"})
    void aLinkWithAnUnsafeSchemeBecomesPlainText(String destination) {
        String html = MarkdownRenderer.toHtml("Click [x](" + destination + ") now");
        assertThat(html).doesNotContain("<a").doesNotContainIgnoringCase("javascript:")
                .doesNotContain("data:").isEqualTo("<p>Click x now</p>\n");
    }

    @Test
    void anAutolinkWithAScriptSchemeBecomesPlainText() {
        String html = MarkdownRenderer.toHtml("<javascript:alert(1)>");
        assertThat(html).doesNotContain("<a").isEqualTo("<p>javascript:alert(1)</p>\n");
    }

    @Test
    void aReferenceLinkWithAScriptSchemeBecomesPlainText() {
        String html = MarkdownRenderer.toHtml("[click][evil]\n\n[evil]: javascript:alert(1)");
        assertThat(html).isEqualTo("<p>click</p>\n");
    }

    @Test
    void anImageIsNotLoadedButLinkedWithItsAltText() {
        String html = MarkdownRenderer.toHtml("![Architecture](https://example.com/arch.png)");
        assertThat(html).doesNotContain("<img").isEqualTo("<p><a href=\"https://example.com/arch.png\" "
                + "class=\"markdown-image\" rel=\"noopener noreferrer\" target=\"_blank\">Architecture</a></p>\n");
    }

    @ParameterizedTest(name = "![x]({0}) is dropped, its alt text stays")
    @ValueSource(strings = {"javascript:alert(1)", "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="})
    void anImageWithAnUnsafeSchemeIsOnlyItsAltText(String destination) {
        assertThat(MarkdownRenderer.toHtml("![diagram](" + destination + ")")).isEqualTo("<p>diagram</p>\n");
    }

    @Test
    void anAttributeCannotBeBrokenOutOfWithQuotes() {
        String html = MarkdownRenderer.toHtml("[x](https://example.com/\"onmouseover=\"alert(1) \"t\\\"itle\")");
        assertThat(html).doesNotContain("\"onmouseover").contains("href=\"https://example.com/&quot;onmouseover=&quot;alert(1)\"")
                .contains("title=\"t&quot;itle\"");
    }

    @Test
    void linksOpenInANewTabWithoutGivingThePageAwayOrTheReferrer() {
        String html = MarkdownRenderer.toHtml("See [the runbook](https://wiki.example.com/payments \"Runbook\"), "
                + "<https://status.example.com> or [mail us](mailto:payments@example.com).");
        assertThat(html).isEqualTo("<p>See <a href=\"https://wiki.example.com/payments\" title=\"Runbook\" "
                + "rel=\"noopener noreferrer\" target=\"_blank\">the runbook</a>, "
                + "<a href=\"https://status.example.com\" rel=\"noopener noreferrer\" target=\"_blank\">"
                + "https://status.example.com</a> or "
                + "<a href=\"mailto:payments@example.com\" rel=\"noopener noreferrer\">mail us</a>.</p>\n");
    }

    @Test
    void aLinkWithoutSchemeStaysOnLinkport() {
        assertThat(MarkdownRenderer.toHtml("[Teams](/teams/payments) and [notes](docs/a:b)"))
                .contains("<a href=\"/teams/payments\" rel=\"noopener noreferrer\" target=\"_blank\">Teams</a>")
                .contains("<a href=\"docs/a:b\"");
    }

    @Test
    void headingsListsCodeAndEmphasisAreFormatted() {
        String html = MarkdownRenderer.toHtml("""
                # Payments API
                ## Limits

                - **100** requests a second
                - retries with `Idempotency-Key`

                1. Request an endpoint
                2. Call it

                ```java
                client.pay(amount);
                if (a < b) { }
                ```

                > Quoted""");
        assertThat(html).contains("<h4>Payments API</h4>", "<h5>Limits</h5>",
                "<ul>\n<li><strong>100</strong> requests a second</li>\n<li>retries with <code>Idempotency-Key</code></li>\n</ul>",
                "<ol>\n<li>Request an endpoint</li>", "<pre><code class=\"language-java\">client.pay(amount);\nif (a &lt; b) { }\n</code></pre>",
                "<blockquote>\n<p>Quoted</p>\n</blockquote>");
    }

    @Test
    void deepHeadingsStopAtH6() {
        assertThat(MarkdownRenderer.toHtml("#### Four\n\n###### Six")).isEqualTo("<h6>Four</h6>\n<h6>Six</h6>\n");
    }

    @Test
    void aSingleLineBreakStaysALineBreakAsPlainTextDescriptionsHadIt() {
        assertThat(MarkdownRenderer.toHtml("Line one\nLine two")).isEqualTo("<p>Line one<br>\nLine two</p>\n");
    }

    @Test
    void nothingRendersAsNothing() {
        assertThat(MarkdownRenderer.toHtml(null)).isEmpty();
        assertThat(MarkdownRenderer.toHtml("  \n ")).isEmpty();
    }

    @ParameterizedTest(name = "{0} is safe")
    @ValueSource(strings = {"https://a.example", "HTTP://a.example", "mailto:x@example.com", "/relative", "page",
            "#anchor", "?q=a:b", "//cdn.example/x"})
    void safeUrls(String url) {
        assertThat(MarkdownRenderer.isSafeUrl(url)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not safe")
    @ValueSource(strings = {"javascript:x", "\u0000javascript:x", "java\nscript:x", "JAVASCRIPT:x", "data:x", "vbscript:x",
            "ftp://x", "tel:123", "blob:https://x"})
    void unsafeUrls(String url) {
        assertThat(MarkdownRenderer.isSafeUrl(url)).isFalse();
    }
}
