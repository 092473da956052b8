package dev.linkport.consumer.service;

import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.domain.EndpointRequestRowRepository;
import dev.linkport.consumer.domain.EndpointRequestRowRepository.Criteria;
import dev.linkport.consumer.domain.EndpointRequestRowRepository.ReferenceColumn;
import dev.linkport.consumer.domain.EndpointRequestRowRepository.RowData;
import dev.linkport.consumer.domain.EndpointRequestRowRepository.TextMatch;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.AccountRef;
import dev.linkport.identity.service.UserDirectory;
import dev.linkport.identity.service.UserDirectory.UserRef;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.Pricing;
import dev.linkport.platform.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Lists of endpoint requests: turns a list's filters into {@link Criteria} (free text is also matched
 * against the names other modules own, resolved to ids among the list's own requests), and rows into
 * {@link EndpointRequestRow}s with those names looked up once per page. Runs inside its callers'
 * transactions.
 */
@Component
class RequestRows {

    /** The longest free text a list's filter takes. */
    static final int MAX_TEXT = 100;
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final EndpointRequestRowRepository rows;
    private final ListingDirectory listings;
    private final AccountDirectory accounts;
    private final UserDirectory users;
    private final Clock clock;
    private final Pricing pricing;

    RequestRows(EndpointRequestRowRepository rows, ListingDirectory listings, AccountDirectory accounts,
                UserDirectory users, Clock clock, Pricing pricing) {
        this.pricing = pricing;
        this.rows = rows;
        this.listings = listings;
        this.accounts = accounts;
        this.users = users;
        this.clock = clock;
    }

    /** The caller's scope narrowed by My endpoints' filters; refuses bad values field by field. */
    Criteria mine(Criteria scope, MyEndpointsFilter filter) {
        List<FieldError> errors = new ArrayList<>();
        checkText(filter.text(), errors);
        String account = filter.accountId() == null || filter.accountId().isBlank() ? null : filter.accountId().trim();
        if (account != null && !ACCOUNT_ID.matcher(account).matches()) {
            errors.add(new FieldError("account", "An AWS account id has 12 digits"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Criteria criteria = scope.withStates(filter.states()).withListing(filter.serviceId());
        if (account != null) {
            // an account that is not registered matches nothing; one of another team is outside the scope anyway
            criteria = criteria.withConsumerAccount(accounts.byAccountId(account).map(AccountRef::id)
                    .orElse(Criteria.NOTHING));
        }
        return withText(criteria, filter.text());
    }

    /** The caller's queue of requests to decide narrowed by the dashboard's filters. */
    Criteria waiting(Criteria scope, WaitingRequestsFilter filter) {
        List<FieldError> errors = new ArrayList<>();
        checkText(filter.text(), errors);
        Duration waiting = filter.waitingAtLeast();
        if (waiting != null && (waiting.isNegative() || waiting.compareTo(Duration.ofDays(3650)) > 0)) {
            errors.add(new FieldError("waitingAtLeast", "Between no time and ten years"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Criteria criteria = scope.withListing(filter.serviceId()).withConsumerTeam(filter.consumerTeamId());
        if (waiting != null && !waiting.isZero()) {
            criteria = criteria.withCreatedAtOrBefore(clock.instant().minus(waiting));
        }
        return withText(criteria, filter.text());
    }

    List<EndpointRequestRow> find(Criteria criteria, int offset, int limit) {
        List<RowData> page = rows.find(criteria, offset, limit);
        Map<UUID, ListingRef> listingsById = listings.get(page.stream().map(RowData::listingId).distinct().toList());
        Map<UUID, AccountRef> accountsById = accounts.get(page.stream().map(RowData::consumerAccountId).distinct()
                .toList());
        Map<UUID, UserRef> usersById = users.get(page.stream().map(RowData::requesterId).distinct().toList());
        return page.stream().map(r -> {
            ListingRef listing = listingsById.get(r.listingId());
            AccountRef account = accountsById.get(r.consumerAccountId());
            UserRef requester = usersById.get(r.requesterId());
            return new EndpointRequestRow(r.id(), r.listingId(), listing == null ? "?" : listing.name(),
                    account == null ? "?" : account.accountId(), account == null ? "?" : account.teamName(),
                    r.region(), r.vpcId(), r.subnetCount(), r.vpcEndpointId(), r.state(),
                    requester == null ? "?" : requester.username(), r.justification(), r.createdAt(), r.updatedAt(),
                    r.expectedGbPerMonth(), listing == null ? null
                            : pricing.estimate(r.region(), listing.region(), r.subnetCount(), r.expectedGbPerMonth()));
        }).toList();
    }

    long count(Criteria criteria) {
        return rows.count(criteria);
    }

    /** The services, accounts and teams found among the requests of the scope, for the filters to offer. */
    RequestFilterChoices choices(Criteria scope) {
        Criteria all = scope.scopeOnly();
        List<FilterChoice> services = listings.get(rows.distinct(all, ReferenceColumn.LISTING)).values().stream()
                .map(l -> new FilterChoice(l.id(), l.name(), l.name())).sorted(BY_LABEL).toList();
        Map<UUID, AccountRef> accountsById = accounts.get(rows.distinct(all, ReferenceColumn.CONSUMER_ACCOUNT));
        List<FilterChoice> accountChoices = accountsById.values().stream()
                .map(a -> new FilterChoice(a.id(), a.accountId(), a.accountId() + " · " + a.teamName())).sorted(BY_LABEL).toList();
        Map<UUID, String> teams = new HashMap<>();
        accountsById.values().forEach(a -> teams.put(a.teamId(), a.teamName()));
        List<FilterChoice> teamChoices = teams.entrySet().stream().map(e -> new FilterChoice(e.getKey(), e.getValue(), e.getValue()))
                .sorted(BY_LABEL).toList();
        return new RequestFilterChoices(services, accountChoices, teamChoices);
    }

    private static final Comparator<FilterChoice> BY_LABEL = Comparator.comparing(FilterChoice::label,
            String.CASE_INSENSITIVE_ORDER);

    private static void checkText(String text, List<FieldError> errors) {
        if (text != null && text.trim().length() > MAX_TEXT) {
            errors.add(new FieldError("q", "At most " + MAX_TEXT + " characters"));
        }
    }

    /**
     * Matches the text against the request's columns and, among the requests of the scope, against the
     * services' names, the accounts (id, team) and the requesters (user name, display name).
     */
    private Criteria withText(Criteria criteria, String text) {
        if (text == null || text.isBlank()) {
            return criteria;
        }
        String needle = text.trim().toLowerCase(Locale.ROOT);
        Predicate<String> found = s -> s != null && s.toLowerCase(Locale.ROOT).contains(needle);
        Criteria scope = criteria.scopeOnly();
        Set<UUID> listingIds = new HashSet<>();
        listings.get(rows.distinct(scope, ReferenceColumn.LISTING)).values().stream()
                .filter(l -> found.test(l.name()) || found.test(l.awsServiceName())).forEach(l -> listingIds.add(l.id()));
        Set<UUID> accountIds = new HashSet<>();
        accounts.get(rows.distinct(scope, ReferenceColumn.CONSUMER_ACCOUNT)).values().stream()
                .filter(a -> found.test(a.accountId()) || found.test(a.teamName())).forEach(a -> accountIds.add(a.id()));
        Set<UUID> requesterIds = new HashSet<>();
        users.get(rows.distinct(scope, ReferenceColumn.REQUESTER)).values().stream()
                .filter(u -> found.test(u.username()) || found.test(u.displayName())).forEach(u -> requesterIds.add(u.id()));
        return criteria.withText(new TextMatch(text.trim(), listingIds, accountIds, requesterIds));
    }
}
