package dev.springlit.web.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Serves a stylesheet made of {@code @import url("css/x.css");} lines as one sheet, each line replaced by the file it
 * names, in order. The client's styles live in one small file per element family (readable, served as they are
 * without a build step), but a browser fetches imports only after the entry sheet arrived, one request each, all
 * blocking the first paint: measured in Chromium on the demo, 15 imports put the styles' arrival at 256–370 ms
 * against 98–141 ms for one sheet (15 {@code <link>}s: 208–265 ms), load average 19–33. Only plain relative
 * imports next to the entry sheet are inlined; any other line is kept as written. Stateless: the resource chain
 * caches the result.
 */
public final class StylesheetImports implements ResourceTransformer {

    private static final Pattern IMPORT = Pattern.compile("^@import url\\(\"([\\w-]+/[\\w-]+\\.css)\"\\);$",
            Pattern.MULTILINE);

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
            throws IOException {
        Resource sheet = chain.transform(request, resource);
        String name = sheet.getFilename();
        if (name == null || !name.endsWith(".css")) {
            return sheet;
        }
        String text = sheet.getContentAsString(StandardCharsets.UTF_8);
        Matcher imports = IMPORT.matcher(text);
        if (!imports.find()) {
            return sheet;
        }
        StringBuilder joined = new StringBuilder(text.length() * 32);
        do {
            Resource part = sheet.createRelative(imports.group(1));
            imports.appendReplacement(joined, Matcher.quoteReplacement(
                    "/* " + imports.group(1) + " */\n" + part.getContentAsString(StandardCharsets.UTF_8)));
        } while (imports.find());
        imports.appendTail(joined);
        return new TransformedResource(sheet, joined.toString().getBytes(StandardCharsets.UTF_8));
    }
}
