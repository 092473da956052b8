package dev.linkport.identity.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking the real user out. Failed password sign-ins are counted three ways:
 * <ul>
 *   <li><b>per user name from one client address</b> — after {@value #FREE_FAILURES} failures in a row each further
 *       attempt from there must wait twice as long as the last (1 s, 2 s, 4 s, ... up to {@link #MAX_DELAY}; the
 *       first wait is {@code linkport.sign-in.base-delay}): one guesser on one user;</li>
 *   <li><b>per client address across user names</b> and <b>per user name across addresses</b> — only after
 *       {@value #FREE_SHARED_FAILURES} failures, and never longer than {@code linkport.sign-in.max-shared-delay}
 *       (30 s): one address trying many users, many addresses trying one user. A guesser on one address is held back
 *       by the first count long before reaching these (about 16 attempts in half an hour), so failures from one
 *       address do not slow the same user down from another, and many addresses together cost the real user at most
 *       {@code max-shared-delay}.</li>
 * </ul>
 * The wait before an attempt is the longest of the three. A success clears the count of that user from that address
 * only (a guesser who knows one password clears nothing else); failures older than {@link #FORGET_AFTER} are
 * forgotten. The client address is the request's remote address, which {@code server.forward-headers-strategy} (and
 * Tomcat's trusted internal proxies) may take from {@code X-Forwarded-For}; the header is not read here. IPv6 clients
 * count by their /64 network, which one attacker usually holds whole.
 *
 * <p>Kept in PostgreSQL ({@code sign_in_failure}), so that every instance on the database counts the
 * same failures: a guesser gains nothing from a load balancer that spreads attempts. Each read and
 * each change is one atomic statement, so instances counting at once lose no failure. A user name
 * longer than any user can have is counted only against its address.
 */
@Component
public class LoginAttempts {

    static final int FREE_FAILURES = 3;
    static final int FREE_SHARED_FAILURES = 20;
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    /** Each instance deletes forgotten rows at most this often, when someone fails to sign in. */
    static final Duration FORGET_EVERY = Duration.ofMinutes(10);
    /** Stands for a request whose client address is not known. */
    static final String UNKNOWN_ADDRESS = "unknown";
    /** The count stops here (the wait stopped growing long before). */
    private static final int MAX_COUNTED = 1_000;
    /** app_user.username's length. */
    private static final int MAX_USERNAME_LENGTH = 64;
    private static final int MAX_ADDRESS_LENGTH = 64;
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.%\\[\\]]+");

    /** The three counts: how a key starts, how many failures are free, and the longest wait. */
    enum Scope {
        USER_FROM_ADDRESS("ua:"), ADDRESS("a:"), USER("u:");

        final String prefix;

        Scope(String prefix) {
            this.prefix = prefix;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration baseDelay;
    private final Duration maxSharedDelay;
    private final AtomicReference<Instant> nextForgetting = new AtomicReference<>(Instant.MIN);

    public LoginAttempts(JdbcClient jdbc, Clock clock, SignInThrottleProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.baseDelay = properties.baseDelay();
        this.maxSharedDelay = properties.maxSharedDelay();
    }

    /** How long an attempt for the user from the address must still wait before it is even checked; zero if not at all. */
    public Duration waitBeforeNextAttempt(String username, String address) {
        Map<String, Scope> keys = keys(username, address);
        Instant now = clock.instant();
        return jdbc.sql("select throttle_key, failures, last_failure from sign_in_failure where throttle_key in (:keys)")
                .param("keys", List.copyOf(keys.keySet()))
                .query((rs, n) -> waitAfter(keys.get(rs.getString(1)), rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), now))
                .list().stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** One more failure in a row in each count; the first after {@link #FORGET_AFTER} without one counts as the first. */
    public void failed(String username, String address) {
        List<String> keys = List.copyOf(keys(username, address).keySet());
        Instant now = clock.instant();
        String values = keys.stream().map(k -> "(?, 1, ?)").collect(Collectors.joining(", "));
        List<Object> params = new ArrayList<>();
        keys.forEach(k -> {
            params.add(k);
            params.add(time(now));
        });
        params.add(time(now.minus(FORGET_AFTER)));
        params.add(MAX_COUNTED);
        jdbc.sql("insert into sign_in_failure (throttle_key, failures, last_failure) values " + values + """
                         on conflict (throttle_key) do update
                        set failures = case when sign_in_failure.last_failure < ? then 1
                                            else least(sign_in_failure.failures + 1, ?) end,
                            last_failure = greatest(sign_in_failure.last_failure, excluded.last_failure)""")
                .params(params)
                .update();
        forgetOldFailuresNowAndThen(now);
    }

    /** Clears the count of this user from this address; the counts shared with others stay. */
    public void succeeded(String username, String address) {
        String user = userKey(username);
        if (user != null) {
            jdbc.sql("delete from sign_in_failure where throttle_key = ?")
                    .param(Scope.USER_FROM_ADDRESS.prefix + addressKey(address) + " " + user).update();
        }
    }

    /** Deletes what {@link #FORGET_AFTER} has made irrelevant, at most once per {@link #FORGET_EVERY} here. */
    private void forgetOldFailuresNowAndThen(Instant now) {
        Instant due = nextForgetting.get();
        if (now.isBefore(due) || !nextForgetting.compareAndSet(due, now.plus(FORGET_EVERY))) {
            return;
        }
        jdbc.sql("delete from sign_in_failure where last_failure < ?").param(time(now.minus(FORGET_AFTER))).update();
    }

    private Duration waitAfter(Scope scope, int failures, Instant lastFailure, Instant now) {
        return scope == Scope.USER_FROM_ADDRESS
                ? waitAfter(failures, lastFailure, now, baseDelay, FREE_FAILURES, MAX_DELAY)
                : waitAfter(failures, lastFailure, now, baseDelay, FREE_SHARED_FAILURES, maxSharedDelay);
    }

    /**
     * The wait after this many failures in a row, the last at {@code lastFailure}, as seen at {@code now}: nothing for
     * the first {@code free} failures, then {@code baseDelay} doubling with each failure, at most {@code max}.
     */
    static Duration waitAfter(int failures, Instant lastFailure, Instant now, Duration baseDelay, int free,
                              Duration max) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int exponent = Math.min(failures - free, 20);
        Duration delay = baseDelay.multipliedBy(1L << exponent);
        if (delay.compareTo(max) > 0) {
            delay = max;
        }
        Duration elapsed = Duration.between(lastFailure, now);
        if (elapsed.isNegative()) {
            elapsed = Duration.ZERO; // another instance's clock is ahead: wait the whole delay, no longer
        }
        return elapsed.compareTo(delay) >= 0 ? Duration.ZERO : delay.minus(elapsed);
    }

    /** The keys an attempt counts under, each with its scope; a user name no user can have counts by address only. */
    static Map<String, Scope> keys(String username, String address) {
        String user = userKey(username);
        String client = addressKey(address);
        Map<String, Scope> keys = new java.util.LinkedHashMap<>();
        keys.put(Scope.ADDRESS.prefix + client, Scope.ADDRESS);
        if (user != null) {
            keys.put(Scope.USER_FROM_ADDRESS.prefix + client + " " + user, Scope.USER_FROM_ADDRESS);
            keys.put(Scope.USER.prefix + user, Scope.USER);
        }
        return keys;
    }

    /** The user name as counted: trimmed, lower case; {@code null} when no user can have it. */
    static String userKey(String username) {
        String key = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return key.length() > MAX_USERNAME_LENGTH ? null : key;
    }

    /**
     * The client address as counted: an IPv4 address as it is, an IPv6 address by its /64 network
     * ({@code 2001:db8:1:2::/64}); {@value #UNKNOWN_ADDRESS} when there is none or it is no IP address.
     */
    static String addressKey(String address) {
        if (address == null || address.isBlank() || address.length() > MAX_ADDRESS_LENGTH
                || !IP_LITERAL.matcher(address.trim()).matches()) {
            return UNKNOWN_ADDRESS;
        }
        try {
            InetAddress ip = InetAddress.getByName(address.trim()); // a literal: no name lookup
            if (ip instanceof Inet6Address) {
                byte[] bytes = ip.getAddress();
                StringBuilder network = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return network.append(":/64").toString();
            }
            return ip.getHostAddress();
        } catch (UnknownHostException | SecurityException e) {
            return UNKNOWN_ADDRESS;
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
