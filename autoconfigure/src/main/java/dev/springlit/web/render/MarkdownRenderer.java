package dev.springlit.web.render;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML with commonmark-java. Raw HTML in the source is escaped and URLs other than http(s), mailto,
 * relative ones and raster images' {@code data:} URLs are dropped ({@link SafeUrls}) unless the page explicitly
 * asked for unsafe HTML. A code block's language is always cut to a plain name ({@link CodeLanguage}).
 */
final class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer safe;
    private final HtmlRenderer unsafe;

    MarkdownRenderer() {
        List<Extension> extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.safe = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true)
                .urlSanitizer(new SafeUrls()).build();
        this.unsafe = HtmlRenderer.builder().extensions(extensions).build();
    }

    /** Block Markdown. */
    String render(String markdown, boolean allowHtml) {
        if (isPlainText(markdown)) {
            return "<p>" + markdown.strip().replace("\"", "&quot;") + "</p>";
        }
        Node document = parser.parse(markdown == null ? "" : markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock code) {
                String language = CodeLanguage.of(code.getInfo());
                code.setInfo(language == null ? "" : language);
            }
        });
        return (allowHtml ? unsafe : safe).render(document).strip();
    }

    /**
     * Text with nothing Markdown would treat specially renders as one paragraph: the common case ("Count = 5")
     * skips the parser. Anything with markup characters, a line break, or a line start that could open a block
     * (list, heading, code, rule) takes the full path.
     */
    static boolean isPlainText(String text) {
        if (text == null || text.isEmpty() || text.length() > 500) {
            return false;
        }
        char first = text.charAt(0);
        if (Character.isWhitespace(first) || Character.isDigit(first) || first == '-' || first == '+' || first == '=') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || "\\`*_[]<>#!|~&:".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Markdown for a label: one line, without the surrounding paragraph. */
    String renderInline(String markdown) {
        String html = render(markdown, false);
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }
}
