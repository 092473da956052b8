package dev.linkport.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.function.Consumer;

/** A minimal streaming XML writer for Query API responses. */
final class Xml {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    Xml open(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    Xml open(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(namespace).append("\">");
        open.push(name);
        return this;
    }

    Xml close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Writes {@code <name>value</name>}; nothing when the value is null. */
    Xml leaf(String name, Object value) {
        if (value == null) {
            return this;
        }
        String text = value instanceof Instant instant ? ISO.format(instant) : value.toString();
        out.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
        return this;
    }

    /** Writes a list of strings as {@code <name><itemName>v</itemName>...</name>}. */
    Xml strings(String name, String itemName, Collection<String> values) {
        open(name);
        for (String value : values) {
            leaf(itemName, value);
        }
        return close();
    }

    /** Writes a list of structures as {@code <name><itemName>...</itemName>...</name>}. */
    <T> Xml items(String name, String itemName, Collection<T> values, Consumer<T> body) {
        open(name);
        for (T value : values) {
            open(itemName);
            body.accept(value);
            close();
        }
        return close();
    }

    /** Writes an EC2 {@code tagSet} holding at most a {@code Name} tag. */
    Xml tags(String name) {
        open("tagSet");
        if (name != null) {
            open("item").leaf("key", "Name").leaf("value", name).close();
        }
        return close();
    }

    @Override
    public String toString() {
        while (!open.isEmpty()) {
            close();
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
