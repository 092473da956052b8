package dev.linkport.catalog.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The warning a service shows while AWS no longer reports its once verified private DNS name as verified. */
final class PrivateDnsWarning {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private PrivateDnsWarning() {
    }

    /** The warning, or {@code null} when the name is not lost. */
    static String of(String name, String state, Instant lostAt) {
        if (lostAt == null || name == null) {
            return null;
        }
        return "AWS no longer reports " + name + " as verified (" + (state == null ? "unknown" : state) + " since "
                + WHEN.format(lostAt) + "): new endpoints cannot turn on private DNS. Publish the TXT record again "
                + "and verify the name.";
    }
}
