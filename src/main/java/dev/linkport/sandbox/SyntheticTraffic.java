package dev.linkport.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The sandbox's made-up PrivateLink traffic: a pure function of an endpoint's id and the minute, so charts look
 * like a working day (quiet at night, busy in the afternoon, UTC) and tests can compute exact sums. Each endpoint
 * gets a size from its id ({@link #scale}, 1 to 9); per minute it processes {@code 100,000 × scale × wave(hour)}
 * bytes, opens {@code scale × wave(hour)} connections and holds {@code 4 × scale × wave(hour)} open.
 */
public final class SyntheticTraffic {

    /** Bytes per minute for scale 1 and wave 1. */
    public static final long BYTES_PER_MINUTE_UNIT = 100_000;
    /** The daily wave by hour of day (UTC). */
    private static final int[] WAVE = {2, 2, 1, 1, 1, 2, 3, 5, 8, 10, 11, 12, 12, 11, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2};

    private SyntheticTraffic() {
    }

    /** The endpoint's size, 1 to 9, from its id. */
    public static int scale(String endpointId) {
        return 1 + Math.floorMod(endpointId.hashCode(), 9);
    }

    /** The daily wave's height in the hour of day (UTC) of {@code at}, 1 to 12. */
    public static int wave(Instant at) {
        return WAVE[at.atZone(ZoneOffset.UTC).getHour()];
    }

    /** Bytes the endpoint processes in the minute starting at {@code minute}. */
    public static long bytes(String endpointId, Instant minute) {
        return BYTES_PER_MINUTE_UNIT * scale(endpointId) * wave(minute);
    }

    /** Connections the endpoint opens in the minute starting at {@code minute}. */
    public static long newConnections(String endpointId, Instant minute) {
        return (long) scale(endpointId) * wave(minute);
    }

    /** Connections open through the endpoint during the minute starting at {@code minute}. */
    public static long activeConnections(String endpointId, Instant minute) {
        return 4L * scale(endpointId) * wave(minute);
    }
}
