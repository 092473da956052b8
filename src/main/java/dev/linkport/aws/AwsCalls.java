package dev.linkport.aws;

import java.util.function.Supplier;

/**
 * How patient the calls made on this thread may be. By default a gateway call waits for its turn in
 * the account's rate budget and retries transient failures in place — right for a person waiting for a
 * form. The worker runs its steps {@link #withoutWaiting}: a call that would wait fails at once as
 * {@link AwsGatewayException#deferred()}, and a transient failure comes back at once, so the step can be
 * rescheduled and its thread serves another account meanwhile.
 */
public final class AwsCalls {

    private static final ThreadLocal<Boolean> NO_WAITING = ThreadLocal.withInitial(() -> false);

    private AwsCalls() {
    }

    /** Runs {@code work} with AWS calls that never wait for a rate-limit token and never retry in place. */
    public static <T> T withoutWaiting(Supplier<T> work) {
        boolean before = NO_WAITING.get();
        NO_WAITING.set(true);
        try {
            return work.get();
        } finally {
            NO_WAITING.set(before);
        }
    }

    /** Whether calls on this thread may wait for their turn. */
    public static boolean mayWait() {
        return !NO_WAITING.get();
    }
}
