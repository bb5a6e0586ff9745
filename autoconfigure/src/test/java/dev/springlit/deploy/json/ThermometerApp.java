package dev.springlit.deploy.json;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** An app that customises Boot's JsonMapper (a module writing temperatures as text) and shows data with it. */
@SpringBootApplication
public class ThermometerApp {

    public record Celsius(double degrees) {
    }

    public record Reading(String room, Celsius temperature) {
    }

    /** Boot registers every JacksonModule bean on the application's JsonMapper. */
    @Bean
    JacksonModule temperatures() {
        return new SimpleModule("temperatures").addSerializer(Celsius.class, new ValueSerializer<Celsius>() {
            @Override
            public void serialize(Celsius value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(value.degrees() + " °C");
            }
        });
    }

    @StreamlitPage(path = "/", title = "Thermometer")
    static class ThermometerPage implements Page {
        @Override
        public void render(St st) {
            st.json(Map.of("kitchen", new Celsius(21.5)));
            st.table(List.of(new Reading("hall", new Celsius(18.0))));
        }
    }
}
