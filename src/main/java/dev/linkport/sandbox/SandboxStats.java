package dev.linkport.sandbox;

import java.util.Map;

/**
 * What the sandbox has answered since it started (or was last reset), so tests can see what reached "AWS".
 *
 * @param requests       Query API requests received, by action (every attempt, whatever the answer)
 * @param throttled      requests answered {@code RequestLimitExceeded} by the emulated AWS throttling
 *                       (injected faults are not counted here)
 * @param faultsInjected requests answered with an injected fault's error
 */
public record SandboxStats(Map<String, Long> requests, long throttled, long faultsInjected) {

    public SandboxStats {
        requests = Map.copyOf(requests);
    }

    /** Requests received for one action. */
    public long requests(String action) {
        return requests.getOrDefault(action, 0L);
    }
}
