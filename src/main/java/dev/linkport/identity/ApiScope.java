package dev.linkport.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token may be used for. A scope only narrows what its user may do; it never lets
 * them do more. Each REST operation needs exactly one scope.
 */
public enum ApiScope {
    /** Reading anything the user may see (every GET). */
    READ,
    /** Requesting interface endpoints, deleting and cancelling them. */
    REQUEST,
    /** Publishing and editing services, their principals and connections. */
    PROVIDE,
    /** Approving and rejecting endpoint requests. */
    DECIDE,
    /** Administering teams, members, users and accounts, and operations. */
    ADMIN;

    /** The authority a token-authenticated request carries for each of its scopes. */
    public static final String AUTHORITY_PREFIX = "SCOPE_";
    /** The authority every token-authenticated request carries, so scopes are checked for it. */
    public static final String TOKEN_AUTHORITY = "API_TOKEN";

    /** The name in the API and in configuration: {@code read}, {@code request}, … */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return AUTHORITY_PREFIX + value();
    }

    /** The scope named {@code value} (any case), if there is one. */
    public static Optional<ApiScope> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.value().equalsIgnoreCase(value.trim())).findFirst();
    }

    public static Set<ApiScope> all() {
        return EnumSet.allOf(ApiScope.class);
    }

    /** The scopes as stored: their values, comma-separated, in declaration order. */
    public static String join(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::value).collect(Collectors.joining(","));
    }

    /** The scopes of a {@link #join}ed string; unknown names are left out. */
    public static Set<ApiScope> split(String joined) {
        Set<ApiScope> out = EnumSet.noneOf(ApiScope.class);
        if (joined != null) {
            for (String part : joined.split(",")) {
                of(part).ifPresent(out::add);
            }
        }
        return out;
    }
}
