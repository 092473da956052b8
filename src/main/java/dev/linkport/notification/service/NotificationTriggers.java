package dev.linkport.notification.service;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.RequestMoved;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.identity.service.UserDirectory;
import dev.linkport.notification.NotificationKind;
import dev.linkport.notification.domain.Notification;
import dev.linkport.notification.domain.NotificationRepository;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.provider.ConnectionObserved;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Decides who is told about what, from the state changes of requests and from reconciliation.
 * Runs after the change commits, in its own transaction; the event publication registry keeps the
 * event until this has run, so a notification is not lost when Linkport stops in between.
 */
@Component
class NotificationTriggers {

    private final NotificationRepository notifications;
    private final ListingDirectory listings;
    private final TeamDirectory teams;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationTriggers(NotificationRepository notifications, ListingDirectory listings, TeamDirectory teams,
                         UserDirectory users, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.listings = listings;
        this.teams = teams;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void requestMoved(RequestMoved moved) {
        String what = moved.serviceName() + " in " + moved.consumerAccountId() + "/" + moved.vpcId();
        String link = "my-endpoints/" + moved.requestId();
        Set<UUID> requester = Set.of(moved.requesterId());
        switch (moved.to()) {
            case SUBMITTED -> {
                ListingRef listing = listings.get(moved.listingId());
                if (listing.approvalPolicy() == ApprovalPolicy.PROVIDER) {
                    Set<UUID> team = teams.memberIds(listing.ownerTeamId());
                    team.remove(moved.requesterId());
                    tell(team, NotificationKind.REQUEST_TO_DECIDE, "New request to decide: " + what,
                            users.get(moved.requesterId()).displayName() + " asks: " + moved.justification(),
                            "approvals");
                }
            }
            case APPROVED -> {
                if (moved.from() == EndpointState.SUBMITTED) {
                    tell(requester, NotificationKind.REQUEST_APPROVED, "Approved: " + what, moved.reason(), link);
                }
            }
            case REJECTED -> tell(requester, NotificationKind.REQUEST_REJECTED, "Rejected: " + what, moved.reason(), link);
            case AVAILABLE -> tell(requester, NotificationKind.ENDPOINT_AVAILABLE, "Available: " + what, moved.reason(),
                    link);
            case FAILED -> tell(requester, NotificationKind.ENDPOINT_FAILED, "Failed: " + what, moved.reason(), link);
            case DRIFTED -> tell(requester, NotificationKind.ENDPOINT_DRIFTED, "Changed outside Linkport: " + what,
                    moved.reason(), link);
            default -> {
            }
        }
    }

    @ApplicationModuleListener
    void connectionObserved(ConnectionObserved observed) {
        tell(teams.memberIds(observed.ownerTeamId()), NotificationKind.OUT_OF_BAND_CONNECTION,
                "New connection to " + observed.serviceName() + " made outside Linkport",
                "Endpoint " + observed.vpcEndpointId() + " of account " + observed.ownerAccountId() + " is "
                        + observed.state() + ".", "services/" + observed.listingId());
    }

    private void tell(Set<UUID> users, NotificationKind kind, String title, String body, String link) {
        for (UUID user : users) {
            notifications.save(new Notification(user, kind, title, body, link, clock.instant()));
            events.publishEvent(new Changed(Topic.NOTIFICATIONS, user));
        }
    }
}
