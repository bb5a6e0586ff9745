package example.restart;

import java.io.Serializable;

/** A value of the application's own class, which a restart reads again with its new class loader. */
public record Note(String text) implements Serializable {
}
