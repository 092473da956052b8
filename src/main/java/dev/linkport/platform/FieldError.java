package dev.linkport.platform;

/** What is wrong with one input field; {@code field} is the property name used by UI and API. */
public record FieldError(String field, String message) {
}
