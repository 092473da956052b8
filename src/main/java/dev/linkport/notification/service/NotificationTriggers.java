package dev.linkport.notification.service;

import dev.linkport.catalog.domain.ApprovalPolicy;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.identity.domain.TeamMembership;
import dev.linkport.identity.domain.TeamMembershipRepository;
import dev.linkport.notification.domain.Notification;
import dev.linkport.notification.domain.NotificationRepository;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.ConnectionObserved;
import dev.linkport.platform.events.RequestMoved;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides who is told about what, from the state changes of requests and from reconciliation.
 * Runs inside the transaction of the change, so a notification exists exactly when its change
 * does; open bells hear of it after commit.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class NotificationTriggers {

    private final NotificationRepository notifications;
    private final EndpointRequestRepository requests;
    private final ServiceListingRepository listings;
    private final TeamMembershipRepository memberships;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationTriggers(NotificationRepository notifications, EndpointRequestRepository requests,
                         ServiceListingRepository listings, TeamMembershipRepository memberships,
                         ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.requests = requests;
        this.listings = listings;
        this.memberships = memberships;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void requestMoved(RequestMoved moved) {
        EndpointRequest r = requests.findById(moved.requestId()).orElse(null);
        if (r == null) {
            return;
        }
        ServiceListing listing = r.getListing();
        String what = listing.getName() + " in " + r.getConsumerAccount().getAccountId() + "/" + r.getVpcId();
        String link = "my-endpoints/" + r.getId();
        UUID requester = r.getRequester().getId();
        switch (moved.to()) {
            case "SUBMITTED" -> {
                if (listing.getApprovalPolicy() == ApprovalPolicy.PROVIDER) {
                    Set<UUID> team = teamMembers(listing.getOwnerTeam().getId());
                    team.remove(requester);
                    tell(team, "REQUEST_TO_DECIDE", "New request to decide: " + what,
                            r.getRequester().getDisplayName() + " asks: " + r.getJustification(), "approvals");
                }
            }
            case "APPROVED" -> {
                if ("SUBMITTED".equals(moved.from())) {
                    tell(Set.of(requester), "REQUEST_APPROVED", "Approved: " + what, moved.reason(), link);
                }
            }
            case "REJECTED" -> tell(Set.of(requester), "REQUEST_REJECTED", "Rejected: " + what, moved.reason(), link);
            case "AVAILABLE" -> tell(Set.of(requester), "ENDPOINT_AVAILABLE", "Available: " + what, moved.reason(), link);
            case "FAILED" -> tell(Set.of(requester), "ENDPOINT_FAILED", "Failed: " + what, moved.reason(), link);
            case "DRIFTED" -> tell(Set.of(requester), "ENDPOINT_DRIFTED", "Changed outside Linkport: " + what,
                    moved.reason(), link);
            default -> {
            }
        }
    }

    @EventListener
    void connectionObserved(ConnectionObserved observed) {
        listings.findById(observed.listingId()).ifPresent(listing -> tell(teamMembers(listing.getOwnerTeam().getId()),
                "OUT_OF_BAND_CONNECTION", "New connection to " + listing.getName() + " made outside Linkport",
                "Endpoint " + observed.vpcEndpointId() + " of account " + observed.ownerAccountId() + " is "
                        + observed.state() + ".", "services/" + listing.getId()));
    }

    private Set<UUID> teamMembers(UUID teamId) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (TeamMembership m : memberships.findByTeam(teamId)) {
            ids.add(m.getUser().getId());
        }
        return ids;
    }

    private void tell(Set<UUID> users, String kind, String title, String body, String link) {
        for (UUID user : users) {
            notifications.save(new Notification(user, kind, title, body, link, clock.instant()));
            events.publishEvent(new Changed(NotificationService.CHANGED_KIND, user));
        }
    }
}
