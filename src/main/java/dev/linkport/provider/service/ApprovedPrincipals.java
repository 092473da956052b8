package dev.linkport.provider.service;

import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.consumer.service.ConsumerPrincipals;
import dev.linkport.provider.PrincipalSyncState;
import dev.linkport.provider.domain.AllowedPrincipalRepository;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets an approved request's principal connect (the account's root, or a role of it, as the service's principal
 * mode says), once per service and principal: when Linkport knows AWS allows the principal (or {@code *}) nothing
 * is asked of AWS; otherwise it reads the service's permissions, adds the principal only if AWS does not allow it
 * yet, and records it as an allowed principal added by an approval — which {@link ReleasedPrincipals} removes again
 * with the last request that needed it.
 */
@Component
class ApprovedPrincipals implements ConsumerPrincipals {

    private final AllowedPrincipalRepository principals;
    private final PrivateLinkGateway gateway;
    private final TransactionTemplate tx;
    private final Clock clock;

    ApprovedPrincipals(AllowedPrincipalRepository principals, PrivateLinkGateway gateway, TransactionTemplate tx,
                       Clock clock) {
        this.principals = principals;
        this.gateway = gateway;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void ensureAllowed(UUID listingId, AwsTarget provider, String serviceId, String principalArn) {
        Boolean known = tx.execute(status -> principals.existsByListingIdAndArnInAndSyncState(listingId,
                List.of(principalArn, AddPrincipal.WILDCARD), PrincipalSyncState.IN_SYNC));
        if (Boolean.TRUE.equals(known)) {
            return;
        }
        boolean allowed = gateway.describeServicePermissions(provider, serviceId).stream()
                .anyMatch(p -> p.principal().equals(principalArn) || p.principal().equals(AddPrincipal.WILDCARD));
        if (!allowed) {
            gateway.modifyServicePermissions(provider, serviceId, Set.of(principalArn), Set.of());
        }
        tx.executeWithoutResult(status -> principals.markApprovedInSync(listingId, principalArn, clock.instant()));
    }
}
