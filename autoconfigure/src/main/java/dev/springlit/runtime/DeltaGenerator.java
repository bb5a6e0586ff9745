package dev.springlit.runtime;

import java.util.Locale;
import java.util.function.Consumer;

import dev.springlit.ButtonOptions;
import dev.springlit.MarkdownOptions;
import dev.springlit.SessionHandle;
import dev.springlit.St;
import dev.springlit.element.Alert;
import dev.springlit.element.Button;
import dev.springlit.element.Code;
import dev.springlit.element.Divider;
import dev.springlit.element.Element;
import dev.springlit.element.Heading;
import dev.springlit.element.Markdown;
import dev.springlit.element.Text;

/**
 * The {@link St} of one session's root container (Streamlit's "delta generator"). It draws into whichever
 * run of its session is current, so a callback that captured the {@code st} of an earlier run draws into the
 * run that fires it (above the page body, S2.9).
 */
final class DeltaGenerator implements St {

    private final Session session;
    private final int root;

    DeltaGenerator(Session session, int root) {
        this.session = session;
        this.root = root;
    }

    /** The current run of this session on this thread, if it may go on. */
    private Run run() {
        Run run = Run.current();
        if (run == null || run.session() != session) {
            throw new IllegalStateException("This St belongs to Springlit session " + session.id() + " and can only "
                    + "be used during one of its runs, on the run's thread (or in a widget callback). To change a "
                    + "session from another thread, use the SessionHandle from st.session().");
        }
        run.checkActive();
        return run;
    }

    /** Adds an element at this container's next position, after checking the run may go on. */
    void emit(Element element) {
        run().emit(root, element);
    }

    @Override
    public void title(String text) {
        emit(new Heading(1, text));
    }

    @Override
    public void header(String text) {
        emit(new Heading(2, text));
    }

    @Override
    public void subheader(String text) {
        emit(new Heading(3, text));
    }

    @Override
    public void markdown(String body) {
        emit(Markdown.of(body));
    }

    @Override
    public void markdown(String body, Consumer<MarkdownOptions> options) {
        MarkdownOptions o = new MarkdownOptions();
        options.accept(o);
        emit(new Markdown(body, o.isUnsafeAllowHtml(), false, o.getHelp()));
    }

    @Override
    public void text(String text) {
        emit(new Text(text));
    }

    @Override
    public void caption(String text) {
        emit(new Markdown(text, false, true, null));
    }

    @Override
    public void code(String code) {
        emit(new Code(code, null));
    }

    @Override
    public void code(String code, String language) {
        emit(new Code(code, language));
    }

    @Override
    public void divider() {
        emit(new Divider());
    }

    @Override
    public void write(Object... values) {
        run();
        new WriteFormatter(this, session.engine().jsonWriter()).write(values);
    }

    @Override
    public void error(String body) {
        emit(new Alert(Alert.Level.ERROR, body));
    }

    @Override
    public void warning(String body) {
        emit(new Alert(Alert.Level.WARNING, body));
    }

    @Override
    public void info(String body) {
        emit(new Alert(Alert.Level.INFO, body));
    }

    @Override
    public void success(String body) {
        emit(new Alert(Alert.Level.SUCCESS, body));
    }

    @Override
    public void exception(Throwable throwable) {
        emit(Tracebacks.element(throwable, run().settings().showErrorDetails()));
    }

    @Override
    public boolean button(String label, Consumer<ButtonOptions> options) {
        Run run = run();
        ButtonOptions o = new ButtonOptions();
        options.accept(o);
        WidgetSpec spec = new WidgetSpec("button", label, o.getKey(), new Object[] {o.getHelp(), o.getType(), o.getIcon()},
                Boolean.FALSE, false, true, false, o.getOnClick(), o.getCallbackArgs(), null);
        boolean clicked = (Boolean) run.registerWidget(spec);
        emit(new Button(spec.id(run.page().path()), label, o.getHelp(), o.isDisabled(),
                o.getType().name().toLowerCase(Locale.ROOT), o.getIcon(), o.isUseContainerWidth()));
        return clicked;
    }

    @Override
    public void rerun() {
        Run run = run();
        if (run.inCallback()) {
            run.warn("Calling st.rerun() within a callback is a no-op.");
            return;
        }
        throw new RerunRequestedException();
    }

    @Override
    public void stop() {
        run();
        throw new StopRunException();
    }

    @Override
    public SessionHandle session() {
        run();
        return session;
    }
}
