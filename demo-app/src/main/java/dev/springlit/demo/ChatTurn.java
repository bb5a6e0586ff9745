package dev.springlit.demo;

import java.io.Serializable;

/** One message of the chat demo's history, kept in session state: who said it and what. */
public record ChatTurn(String role, String content) implements Serializable {
}
