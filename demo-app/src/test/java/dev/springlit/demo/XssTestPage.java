package dev.springlit.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * A test-only page for {@link XssBrowserIT}: hostile strings in every place a page puts text (its title too),
 * plus the query parameters echoed back. Present only where {@code springlit-test.xss-page=true}.
 */
@StreamlitPage(path = "/test-xss", title = "XSS <img src=x onerror=\"window.__xss=1\"> </title><script>window.__xss=1</script>",
        icon = "\"><svg/onload=window.__xss=1>")
@ConditionalOnProperty(name = "springlit-test.xss-page", havingValue = "true")
class XssTestPage implements Page {

    static final List<String> HOSTILE = List.of(
            "<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=1\">",
            "[link](javascript:window.__xss=1)",
            "&lt;b&gt;entity&lt;/b&gt;",
            "\"><svg onload=window.__xss=1>",
            "<a href=\"javascript:window.__xss=1\">anchor</a>",
            "' onmouseover='window.__xss=1' x='",
            "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
            "[data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==) "
                    + "![svg image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3hzcz0xIi8+)");

    @Override
    public void render(St st) {
        String query = st.queryParams().get("q");
        st.markdown("query: " + query);
        st.text("query: " + query);
        st.sidebar().markdown(HOSTILE.get(0) + " " + HOSTILE.get(1));
        for (int i = 0; i < HOSTILE.size(); i++) {
            String h = HOSTILE.get(i);
            st.title(h);
            st.header(h);
            st.subheader(h);
            st.markdown(h, m -> m.help(h));
            st.text(h);
            st.caption(h);
            st.code(h);
            st.write(h, i);
            st.error(h);
            st.warning(h);
            st.info(h);
            st.success(h);
            st.exception(new IllegalStateException(h));
            st.metric(h, h, h, o -> o.help(h));
            st.button(h, b -> b.help(h));
            st.textInput(h, o -> o.help(h).placeholder(h).value(h));
            st.textArea(h, o -> o.placeholder(h).value(h));
            st.checkbox(h, o -> o.help(h));
            st.downloadButton(h, h, h + ".txt");
            st.expander(h).markdown(h);
            st.popover(h).text(h);
            st.tabs(h, "second tab").get(0).caption(h);
        }
        st.radio(HOSTILE.get(0), HOSTILE, o -> o.help(HOSTILE.get(1)));
        st.selectbox(HOSTILE.get(1), HOSTILE, o -> o.help(HOSTILE.get(2)).index(null).placeholder(HOSTILE.get(3)));
        st.multiselect(HOSTILE.get(2), HOSTILE, o -> o.placeholder(HOSTILE.get(4)));
        Map<String, Object> row = new LinkedHashMap<>();
        for (String h : HOSTILE) {
            row.put(h, h);
        }
        st.json(row);
        st.table(List.of(row));
        st.dataframe(List.of(row));
        st.markdown("Harmless on purpose: <b>bold</b> text", m -> m.unsafeAllowHtml(true));
    }
}
