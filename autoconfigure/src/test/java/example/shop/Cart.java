package example.shop;

import java.io.Serializable;
import java.util.List;

/** An application's own session value, in a package that must be allowed explicitly. */
public record Cart(List<String> items) implements Serializable {
}
