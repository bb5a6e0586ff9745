package dev.springlit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What a page sees when it completes {@code o.} in an options lambda: setters only. The runtime reads the options
 * through each class's static {@code snapshot(o)}, which code completion on {@code o} does not offer.
 */
class OptionsSurfaceTest {

    private static final List<Class<?>> OPTIONS = List.of(ButtonGroupOptions.class, ButtonOptions.class,
            ChartOptions.class, ChatInputOptions.class, ChatMessageOptions.class, CheckboxOptions.class,
            ChoiceOptions.class, ColorPickerOptions.class, DateInputOptions.class, DialogOptions.class,
            DownloadButtonOptions.class, FeedbackOptions.class, FileUploaderOptions.class, FormOptions.class,
            MarkdownOptions.class, MetricOptions.class, MultiselectOptions.class, NumberInputOptions.class,
            RangeSliderOptions.class, SelectSliderOptions.class, SliderOptions.class, TableOptions.class,
            TextInputOptions.class, TimeInputOptions.class);

    @Test
    void optionClassesOfferPagesNoGetters() {
        for (Class<?> options : OPTIONS) {
            List<String> getters = Arrays.stream(options.getMethods()) // inherited ones too (WidgetOptions, ...)
                    .filter(m -> m.getDeclaringClass() != Object.class && !m.getDeclaringClass().isRecord())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                    .filter(m -> m.getParameterCount() == 0)
                    .map(Method::getName).toList();
            assertThat(getters).as(options.getSimpleName()).isEmpty();
        }
    }

    @Test
    void theRuntimeReadsWhatThePageSetThroughASnapshot() {
        NumberInputOptions<Integer> o = new NumberInputOptions<Integer>().min(1).max(9).step(2).placeholder("n");
        NumberInputOptions.Snapshot<Integer> read = NumberInputOptions.snapshot(o);
        assertThat(read.min()).isEqualTo(1);
        assertThat(read.max()).isEqualTo(9);
        assertThat(read.step()).isEqualTo(2);
        assertThat(read.placeholder()).isEqualTo("n");
        assertThat(ChartOptions.snapshot(new ChartOptions().x("day").stacked(true)))
                .extracting(ChartOptions.Snapshot::x, ChartOptions.Snapshot::stacked).containsExactly("day", true);
    }

    @Test
    void theRuntimeReadsTheSharedWidgetOptionsThroughTheirBaseClasses() {
        Runnable changed = () -> { };
        CheckboxOptions box = new CheckboxOptions().key("k").help("h").disabled(true)
                .labelVisibility(LabelVisibility.HIDDEN).args(1).value(true).onChange(changed);
        assertThat(WidgetOptions.common(box)).isEqualTo(new WidgetOptions.Common("k", "h", true,
                LabelVisibility.HIDDEN, new CallbackArgs(List.of(1), Map.of())));
        assertThat(ValueWidgetOptions.start(box).value()).isTrue();
        assertThat(ValueWidgetOptions.start(box).valueGiven()).isTrue();
        assertThat(ValueWidgetOptions.start(box).onChange()).isNotNull();
        assertThat(ValueWidgetOptions.start(new CheckboxOptions()).valueGiven()).isFalse();
        assertThat(ClickOptions.click(new ButtonOptions().type(ButtonType.PRIMARY).icon("🚀")))
                .extracting(ClickOptions.Click::type, ClickOptions.Click::icon).containsExactly(ButtonType.PRIMARY, "🚀");
        assertThat(ChatInputOptions.snapshot(new ChatInputOptions().maxChars(5)).maxChars()).isEqualTo(5);
        assertThat(ChatMessageOptions.snapshot(new ChatMessageOptions().avatar("🦖")).avatar()).isEqualTo("🦖");
    }
}
