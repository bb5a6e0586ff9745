package example.restart;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The application a restart test starts twice in one JVM, each time with a new class loader (as DevTools does). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(NotesPage.class)
public class RestartApp {
}
