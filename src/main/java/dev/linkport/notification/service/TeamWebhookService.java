package dev.linkport.notification.service;

import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.notification.delivery.WebhookSignature;
import dev.linkport.notification.domain.TeamWebhook;
import dev.linkport.notification.domain.TeamWebhookRepository;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.Validation;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks of a team: its owners and the platform admins list, add and remove them. A new webhook's signing
 * secret is returned once, when it is added.
 */
@Service
@Transactional
public class TeamWebhookService {

    /** Webhooks per team, at most: each event is one call to each. */
    public static final int MAX_PER_TEAM = 10;

    private static final int CHOICES = 50;

    private final TeamWebhookRepository webhooks;
    private final AccessPolicy access;
    private final TeamDirectory teams;
    private final Validation validation;
    private final Clock clock;

    TeamWebhookService(TeamWebhookRepository webhooks, AccessPolicy access, TeamDirectory teams, Validation validation,
                       Clock clock) {
        this.webhooks = webhooks;
        this.access = access;
        this.teams = teams;
        this.validation = validation;
        this.clock = clock;
    }

    /**
     * The teams whose webhooks the caller may manage, by name, whose name contains {@code text}: the teams they
     * own; for platform admins, any team (the first {@value #CHOICES}).
     */
    @Transactional(readOnly = true)
    public List<TeamChoice> manageableTeams(String text) {
        Caller caller = access.caller();
        List<UUID> ids = caller.admin() ? teams.idsMatching(text)
                : caller.teamRoles().entrySet().stream().filter(e -> e.getValue() == MembershipRole.OWNER)
                        .map(Map.Entry::getKey).toList();
        Map<UUID, String> names = teams.names(ids);
        String needle = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        return names.entrySet().stream()
                .filter(e -> e.getValue().toLowerCase(java.util.Locale.ROOT).contains(needle))
                .map(e -> new TeamChoice(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(TeamChoice::name)).limit(CHOICES).toList();
    }

    /** The team's webhooks, oldest first; for the team's owners and platform admins. */
    @Transactional(readOnly = true)
    public List<WebhookRow> webhooks(UUID teamId) {
        access.requireOwnerOrAdmin(teamId, "Only the team's owners and platform admins see its webhooks");
        return webhooks.findByTeamIdOrderByCreatedAt(teamId).stream().map(TeamWebhookService::row).toList();
    }

    /**
     * Adds a webhook to the team; for the team's owners and platform admins.
     *
     * @return the webhook with its secret, which is not shown again
     * @throws InvalidInputException field by field ({@code name}, {@code url}, {@code format}, {@code teamId})
     */
    public CreatedWebhook add(AddWebhook command) {
        validation.check(command);
        Caller caller = access.requireOwnerOrAdmin(command.teamId(),
                "Only the team's owners and platform admins add its webhooks");
        String url = command.url().trim();
        checkUrl(url);
        if (webhooks.countByTeamId(command.teamId()) >= MAX_PER_TEAM) {
            throw new ConflictException("A team has at most " + MAX_PER_TEAM + " webhooks; remove one first");
        }
        String secret = WebhookSignature.newSecret();
        TeamWebhook webhook = webhooks.save(new TeamWebhook(command.teamId(), command.name().trim(), url,
                command.format(), secret, caller.userId(), clock.instant()));
        return new CreatedWebhook(row(webhook), secret);
    }

    /** Removes a webhook; notifications already on their way to it are given up. For the team's owners and admins. */
    public void remove(UUID webhookId) {
        TeamWebhook webhook = webhooks.findById(webhookId)
                .orElseThrow(() -> new NotFoundException("No such webhook"));
        access.requireOwnerOrAdmin(webhook.getTeamId(), "Only the team's owners and platform admins remove its webhooks");
        webhooks.delete(webhook);
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw InvalidInputException.of("url", "This URL has no host name");
            }
        } catch (URISyntaxException e) {
            throw InvalidInputException.of("url", "This is not a valid URL: " + e.getReason());
        }
    }

    private static WebhookRow row(TeamWebhook w) {
        return new WebhookRow(w.getId(), w.getTeamId(), w.getName(), w.getUrl(), w.getFormat(), w.getCreatedAt());
    }
}
