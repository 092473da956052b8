package dev.linkport.notification.service;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.service.EndpointRequestRow;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.identity.service.UserDirectory;
import dev.linkport.notification.NotificationKind;
import dev.linkport.notification.NotificationProperties;
import dev.linkport.notification.domain.NotificationDelivery.Message;
import dev.linkport.notification.domain.ReminderLog;
import dev.linkport.notification.domain.ReminderLog.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests that wait too long for a decision: after {@code remind-after} their deciders are reminded (the
 * provider team under the {@code PROVIDER} policy, the admins under {@code ADMIN}); after {@code escalate-after}
 * the admins are told. Each happens at most once per request, across instances ({@link ReminderLog}); a request
 * found only after it is past both (Linkport was down) is escalated without a reminder first.
 *
 * <p>The consumer module owns the requests: this asks it for those submitted before a moment, by its own clock.
 */
@Component
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final int PAGE = 200;

    private final ServiceRequests requests;
    private final ListingDirectory listings;
    private final TeamDirectory teams;
    private final UserDirectory users;
    private final ReminderLog sent;
    private final NotificationDispatch dispatch;
    private final TransactionTemplate tx;
    private final NotificationProperties properties;
    private final Clock clock;

    Reminders(ServiceRequests requests, ListingDirectory listings, TeamDirectory teams, UserDirectory users,
              ReminderLog sent, NotificationDispatch dispatch, TransactionTemplate tx,
              NotificationProperties properties, Clock clock) {
        this.requests = requests;
        this.listings = listings;
        this.teams = teams;
        this.users = users;
        this.sent = sent;
        this.dispatch = dispatch;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Reminds of and escalates every request that has waited long enough; returns how many people/teams were told. */
    int remindAndEscalate() {
        Instant now = clock.instant();
        Instant remindBefore = now.minus(properties.remindAfter());
        Instant escalateBefore = now.minus(properties.escalateAfter());
        int told = 0;
        for (int offset = 0; ; offset += PAGE) {
            List<EndpointRequestRow> waiting = requests.submittedAtOrBefore(remindBefore, offset, PAGE);
            for (EndpointRequestRow request : waiting) {
                boolean escalate = !request.createdAt().isAfter(escalateBefore);
                try {
                    Boolean done = tx.execute(status -> escalate ? escalate(request, now) : remind(request, now));
                    if (Boolean.TRUE.equals(done)) {
                        told++;
                    }
                } catch (RuntimeException e) {
                    // one request that cannot be handled (its service gone meanwhile) does not stop the others;
                    // nothing was recorded for it, so the next run tries again
                    log.warn("Could not remind of request {}", request.id(), e);
                }
            }
            if (waiting.size() < PAGE) {
                break;
            }
        }
        if (told > 0) {
            log.info("Reminded of or escalated {} request(s) waiting for a decision", told);
        }
        return told;
    }

    private boolean remind(EndpointRequestRow request, Instant now) {
        if (!sent.claim(request.id(), Stage.REMINDED, now)) {
            return false;
        }
        Deciders deciders = Deciders.of(listings.get(request.serviceId()), requesterOf(request), teams, users);
        dispatch.tell(deciders.people(), deciders.teams(), new Message(NotificationKind.REQUEST_REMINDER,
                "Still waiting for a decision (" + waited(request, now) + "): " + what(request),
                request.requester() + " asked: " + request.justification(),
                NotificationTriggers.approvalLink(request.id()), request.id(), request.serviceId(), now));
        return true;
    }

    private boolean escalate(EndpointRequestRow request, Instant now) {
        if (!sent.claim(request.id(), Stage.ESCALATED, now)) {
            return false;
        }
        sent.claim(request.id(), Stage.REMINDED, now); // past both: a late reminder would only repeat this
        ListingRef listing = listings.get(request.serviceId());
        dispatch.tell(Deciders.escalation(requesterOf(request), users).people(), Set.of(),
                new Message(NotificationKind.REQUEST_ESCALATED,
                        "Escalated: a request has waited " + waited(request, now) + " for a decision: " + what(request),
                        request.requester() + " asked: " + request.justification() + "\nDecided by: "
                                + (listing.approvalPolicy() == ApprovalPolicy.PROVIDER ? "team "
                                + listing.ownerTeamName() + " (PROVIDER policy)" : "platform admins (ADMIN policy)"),
                        NotificationTriggers.approvalLink(request.id()), request.id(), request.serviceId(), now));
        return true;
    }

    /** Who asked for the request: they are not reminded to decide it (four eyes). */
    private UUID requesterOf(EndpointRequestRow request) {
        ServiceRequests.Pending pending = requests.pending(request.id());
        return pending == null ? null : pending.requesterId();
    }

    private static String what(EndpointRequestRow r) {
        return r.serviceName() + " for " + r.consumerTeam() + " in " + r.accountId() + "/" + r.vpcId();
    }

    private static String waited(EndpointRequestRow r, Instant now) {
        Duration d = Duration.between(r.createdAt(), now);
        return d.toDays() >= 2 ? d.toDays() + " days" : d.toHours() + " hours";
    }
}
