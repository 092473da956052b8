package dev.linkport.support;

import java.util.concurrent.ThreadLocalRandom;

/** Unique names and AWS ids for tests that share one database. */
public final class Ids {

    private Ids() {
    }

    /** A random 12-digit account id that no demo account uses. */
    public static String accountId() {
        return "9" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    /** A unique team name, valid by Linkport's rules. */
    public static String teamName(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }
}
