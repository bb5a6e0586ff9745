package dev.springlit.runtime.draw;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.springlit.runtime.page.PageRegistry;

/**
 * The engine-wide values drawers use: the app's pages, the application's Jackson mapper (for st.json and the rows
 * of tables and charts) and whether st.exception shows a trace. One per engine, immutable, shared by every run's
 * thread.
 */
public final class DrawTools {

    private final PageRegistry pages;
    private final ObjectWriter jsonWriter;
    private final DataElements dataElements;
    private final boolean showErrorDetails;

    private DrawTools(PageRegistry pages, JsonMapper jsonMapper, boolean showErrorDetails) {
        this.pages = pages;
        this.jsonWriter = jsonMapper.writerWithDefaultPrettyPrinter();
        this.dataElements = new DataElements(jsonMapper);
        this.showErrorDetails = showErrorDetails;
    }

    /** @param showErrorDetails {@code streamlit.client.show-error-details}: st.exception shows the trace */
    public static DrawTools of(PageRegistry pages, JsonMapper jsonMapper, boolean showErrorDetails) {
        return new DrawTools(pages, jsonMapper, showErrorDetails);
    }

    PageRegistry pages() {
        return pages;
    }

    ObjectWriter jsonWriter() {
        return jsonWriter;
    }

    DataElements dataElements() {
        return dataElements;
    }

    boolean showErrorDetails() {
        return showErrorDetails;
    }
}
