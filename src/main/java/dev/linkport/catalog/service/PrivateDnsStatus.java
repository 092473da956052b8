package dev.linkport.catalog.service;

import dev.linkport.catalog.ListingState;
import java.util.UUID;

/**
 * A service's private DNS as its owners see it.
 *
 * @param state           AWS's verification state: {@code pendingVerification}, {@code verified},
 *                        {@code failed}, or {@code null} while AWS has not answered yet
 * @param txtRecordName   the full name to publish the TXT record under, or {@code null}
 * @param problem         why the last change to the service failed in AWS, or {@code null}
 * @param sandboxHelper   Linkport runs against its sandbox, which can publish the record itself
 * @param warning         why the name, verified before, is no longer (reconciliation saw AWS report it
 *                        unverified), or {@code null}
 */
public record PrivateDnsStatus(UUID serviceId, String serviceName, ListingState serviceState, String name, String state,
                               String txtRecordName, String txtRecordValue, String problem, boolean sandboxHelper,
                               String warning) {

    public PrivateDnsStatus(UUID serviceId, String serviceName, ListingState serviceState, String name, String state,
                            String txtRecordName, String txtRecordValue, String problem, boolean sandboxHelper) {
        this(serviceId, serviceName, serviceState, name, state, txtRecordName, txtRecordValue, problem, sandboxHelper,
                null);
    }

    public boolean verified() {
        return "verified".equals(state);
    }
}
