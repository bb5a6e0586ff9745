package dev.springlit.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceTransformerChain;

class StylesheetImportsTest {

    private static final ResourceTransformerChain AS_IS = new ResourceTransformerChain() {
        @Override
        public ResourceResolverChain getResolverChain() {
            return null;
        }

        @Override
        public Resource transform(HttpServletRequest request, Resource resource) {
            return resource;
        }
    };

    private static String text(Resource resource) throws Exception {
        return resource.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theClientsStylesheetArrivesAsOneSheetWithEveryFamilyInTheEntrySheetsOrder() throws Exception {
        Resource entry = new ClassPathResource("springlit/static/springlit.css");
        Matcher imports = Pattern.compile("@import url\\(\"(css/[\\w-]+\\.css)\"\\);").matcher(text(entry));
        List<String> order = new ArrayList<>();
        while (imports.find()) {
            order.add(imports.group(1));
        }
        // every family sheet is imported: one forgotten would leave its elements unstyled
        String[] onDisk = new ClassPathResource("springlit/static/css").getFile().list((dir, name) -> name.endsWith(".css"));
        assertThat(order).containsExactlyInAnyOrderElementsOf(Arrays.stream(onDisk).map(n -> "css/" + n).toList());

        String served = text(new StylesheetImports().transform(null, entry, AS_IS));

        assertThat(served).doesNotContain("@import").contains(".sl-pills", "--sl-primary: #ff4b4b;");
        int at = -1;
        for (String part : order) {
            int next = served.indexOf(text(new ClassPathResource("springlit/static/" + part)));
            assertThat(next).as(part + " whole, after the sheets before it").isGreaterThan(at);
            at = next;
        }
    }

    @Test
    void aSheetWithoutImportsIsServedAsItIs() throws Exception {
        Resource plain = new ClassPathResource("springlit/static/css/theme.css");
        assertThat(new StylesheetImports().transform(null, plain, AS_IS)).isSameAs(plain);
        Resource script = new ByteArrayResource("@import url(\"css/theme.css\");".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "springlit.js";
            }
        };
        assertThat(new StylesheetImports().transform(null, script, AS_IS)).isSameAs(script);
    }
}
