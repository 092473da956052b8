package dev.linkport.notification.service;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.PrivateDnsVerificationLost;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.RequestMoved;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.identity.service.UserDirectory;
import dev.linkport.notification.NotificationKind;
import dev.linkport.notification.domain.NotificationDelivery.Message;
import dev.linkport.provider.ConnectionObserved;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Decides who is told about what, from the state changes of requests and from reconciliation.
 * Runs after the change commits, in its own transaction; the event publication registry keeps the
 * event until this has run, so a notification is not lost when Linkport stops in between.
 *
 * <p>Deciders hear of new requests: the provider team under the {@code PROVIDER} policy, the platform admins
 * under {@code ADMIN}. Requesters hear of decisions, availability, failures and drift; their team's webhooks
 * too. Provider teams hear of connections made outside Linkport and of a private DNS name that lost its
 * verification.
 */
@Component
class NotificationTriggers {

    private final NotificationDispatch dispatch;
    private final ListingDirectory listings;
    private final ServiceRequests requests;
    private final TeamDirectory teams;
    private final UserDirectory users;
    private final Clock clock;

    NotificationTriggers(NotificationDispatch dispatch, ListingDirectory listings, ServiceRequests requests,
                         TeamDirectory teams, UserDirectory users, Clock clock) {
        this.dispatch = dispatch;
        this.listings = listings;
        this.requests = requests;
        this.teams = teams;
        this.users = users;
        this.clock = clock;
    }

    /** The page where a decider finds the request. */
    static String approvalLink(UUID requestId) {
        return "approvals/" + requestId;
    }

    @ApplicationModuleListener
    void requestMoved(RequestMoved moved) {
        String what = moved.serviceName() + " in " + moved.consumerAccountId() + "/" + moved.vpcId();
        String link = "my-endpoints/" + moved.requestId();
        Set<UUID> requester = Set.of(moved.requesterId());
        switch (moved.to()) {
            case SUBMITTED -> {
                ListingRef listing = listings.get(moved.listingId());
                if (listing.approvalPolicy() == ApprovalPolicy.AUTO) {
                    return;
                }
                Deciders deciders = Deciders.of(listing, moved.requesterId(), teams, users);
                dispatch.tell(deciders.people(), deciders.teams(), message(moved, NotificationKind.REQUEST_TO_DECIDE,
                        "New request to decide: " + what,
                        users.get(moved.requesterId()).displayName() + " asks: " + moved.justification(),
                        approvalLink(moved.requestId())));
            }
            case APPROVED -> {
                if (moved.from() == EndpointState.SUBMITTED) {
                    toRequester(moved, requester, NotificationKind.REQUEST_APPROVED, "Approved: " + what, link);
                }
            }
            case REJECTED -> toRequester(moved, requester, NotificationKind.REQUEST_REJECTED, "Rejected: " + what, link);
            case AVAILABLE -> toRequester(moved, requester, NotificationKind.ENDPOINT_AVAILABLE, "Available: " + what,
                    link);
            case FAILED -> toRequester(moved, requester, NotificationKind.ENDPOINT_FAILED, "Failed: " + what, link);
            case DRIFTED -> toRequester(moved, requester, NotificationKind.ENDPOINT_DRIFTED,
                    "Changed outside Linkport: " + what, link);
            default -> {
            }
        }
    }

    @ApplicationModuleListener
    void connectionObserved(ConnectionObserved observed) {
        dispatch.tell(teams.memberIds(observed.ownerTeamId()), Set.of(observed.ownerTeamId()),
                new Message(NotificationKind.OUT_OF_BAND_CONNECTION,
                        "New connection to " + observed.serviceName() + " made outside Linkport",
                        "Endpoint " + observed.vpcEndpointId() + " of account " + observed.ownerAccountId() + " is "
                                + observed.state() + ".", "services/" + observed.listingId(), null,
                        observed.listingId(), clock.instant()));
    }

    @ApplicationModuleListener
    void privateDnsLost(PrivateDnsVerificationLost lost) {
        dispatch.tell(teams.memberIds(lost.ownerTeamId()), Set.of(lost.ownerTeamId()),
                new Message(NotificationKind.PRIVATE_DNS_UNVERIFIED,
                        "Private DNS of " + lost.serviceName() + " is no longer verified",
                        "AWS reports " + lost.privateDnsName() + " as " + lost.state() + ". New endpoints cannot turn "
                                + "on private DNS until the TXT record is published again and the name verified.",
                        "services/" + lost.listingId() + "/dns", null, lost.listingId(), clock.instant()));
    }

    /** The requester, and the webhooks of the team whose account the endpoint goes into. */
    private void toRequester(RequestMoved moved, Set<UUID> requester, NotificationKind kind, String title,
                             String link) {
        ServiceRequests.Pending request = requests.pending(moved.requestId());
        Set<UUID> consumerTeam = request == null ? Set.of() : Set.of(request.consumerTeamId());
        dispatch.tell(requester, consumerTeam, message(moved, kind, title, moved.reason(), link));
    }

    private Message message(RequestMoved moved, NotificationKind kind, String title, String body, String link) {
        return new Message(kind, title, body, link, moved.requestId(), moved.listingId(), clock.instant());
    }
}
