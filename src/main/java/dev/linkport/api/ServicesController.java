package dev.linkport.api;

import dev.linkport.aws.IpAddressType;
import dev.linkport.identity.ApiScope;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.Visibility;
import dev.linkport.catalog.service.CatalogService;
import dev.linkport.catalog.service.CatalogService.CatalogPage;
import dev.linkport.catalog.service.CatalogService.CatalogEntry;
import dev.linkport.catalog.service.CatalogService.CatalogFacets;
import dev.linkport.catalog.service.CatalogService.FacetCount;
import dev.linkport.catalog.service.CatalogService.CatalogQuery;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.PublishServiceCommand;
import dev.linkport.catalog.service.ServiceDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.linkport.platform.AwsIds;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.TextRules;
import java.net.URI;
import java.util.ArrayList;
import java.util.Map;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The catalog, and publishing services into it. */
@RestController
@RequestMapping(path = "/api/v1/services", produces = "application/json")
@Tag(name = "Services", description = "The catalog of PrivateLink services; publishing your own")
class ServicesController {

    /** A service in a catalog search. {@code serviceName} is the AWS endpoint service name. */
    record ServiceSummary(UUID id, String name, String summary, String ownerTeam, String region, Set<String> tags,
                          ApprovalPolicy approvalPolicy, String serviceName, Highlight highlight) {
    }

    /** Name and summary cut where matched words start and end: parts at odd positions (1, 3, …) matched the words. */
    record Highlight(List<String> name, List<String> summary) {
    }

    /**
     * One page of a catalog search, best matches first. {@code total} stops at a thousand:
     * {@code totalIsLowerBound} then says there are more (ask /facets for an estimate).
     * {@code corrections}: typed words that matched no name or tag, with the words searched for them too.
     */
    record SearchPage(List<ServiceSummary> items, int page, int size, long total, boolean totalIsLowerBound,
                      Map<String, List<String>> corrections) {
    }

    /** One value of a facet, with how many matching services have it. */
    record FacetValue(String value, long count) {
    }

    /**
     * Counts of the services matching a search, by tag, owner team and region (the most frequent
     * values). {@code estimated}: counted on a sample because many services match.
     */
    record Facets(long total, boolean estimated, List<FacetValue> tags, List<FacetValue> teams,
                  List<FacetValue> regions, Map<String, List<String>> corrections) {
    }

    /** What to publish. Blank optional fields are left out. */
    record PublishService(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "payments-ledger") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String summary,
            @Schema(description = "Markdown") String description,
            Set<String> tags, String documentationUrl, String supportContact,
            @Schema(example = "443, 8443") String ports,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "111111111111") String accountId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "us-east-1") String region,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> loadBalancerArns,
            @Schema(description = "AWS acceptance of endpoint connections; default true") Boolean acceptanceRequired,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ApprovalPolicy approvalPolicy,
            String privateDnsName, Set<String> supportedRegions,
            @Schema(description = "default ALL_TEAMS") Visibility visibility,
            @Schema(description = "team names, with visibility SELECTED_TEAMS") Set<String> visibleTeams,
            @Schema(description = "IP address types consumers may connect over: IPV4, IPV6 or both (IPV6 needs "
                    + "dual-stack load balancers); default [IPV4]") Set<IpAddressType> supportedIpAddressTypes) {

        PublishServiceCommand command() {
            return new PublishServiceCommand(name, summary, description, tags, documentationUrl, supportContact, ports,
                    accountId, region, loadBalancerArns, acceptanceRequired == null || acceptanceRequired,
                    approvalPolicy, privateDnsName, supportedRegions, visibility, visibleTeams,
                    supportedIpAddressTypes);
        }
    }

    /**
     * A service as its page shows it. {@code id} is Linkport's; {@code serviceId}, {@code serviceName}
     * and {@code availabilityZoneIds} are the AWS endpoint service's, once published. The TXT record
     * and failure reason are shown to the service's owners only. {@code awsTags}: the tags AWS holds on
     * the endpoint service, as Linkport last read them.
     */
    record Service(UUID id, String name, String summary, String description, Set<String> tags,
                   String documentationUrl, String supportContact, String ports, String ownerTeam, String accountId,
                   String region, Set<String> supportedRegions, List<String> loadBalancerArns,
                   boolean acceptanceRequired, ApprovalPolicy approvalPolicy, Visibility visibility,
                   String privateDnsName, String privateDnsState, String privateDnsTxtName, String privateDnsTxtValue,
                   ListingState state, String serviceId, String serviceName, Set<String> availabilityZoneIds,
                   String failureReason, long consumerCount, boolean canManage, boolean canRequest,
                   Instant createdAt, Instant updatedAt,
                   @Schema(description = "what approving a request lets connect in AWS: ACCOUNT (the consumer "
                           + "account's root) or ROLE (one IAM role of it, named on the request)")
                   PrincipalMode principalMode, Map<String, String> awsTags,
                   @Schema(description = "IP address types consumers may connect over: IPV4, IPV6")
                   Set<IpAddressType> supportedIpAddressTypes) {

        static Service of(ServiceDetail d) {
            return new Service(d.id(), d.name(), d.summary(), d.description(), new TreeSet<>(d.tags()),
                    d.documentationUrl(), d.supportContact(), d.ports(), d.ownerTeam(), d.providerAccountId(),
                    d.region(), new TreeSet<>(d.supportedRegions()), d.loadBalancerArns(), d.acceptanceRequired(),
                    d.approvalPolicy(), d.visibility(), d.privateDnsName(), d.privateDnsState(), d.privateDnsTxtName(),
                    d.privateDnsTxtValue(), d.state(), d.serviceId(), d.serviceName(),
                    new TreeSet<>(d.availabilityZoneIds()), d.failureReason(), d.consumerCount(), d.canManage(),
                    d.canRequest(), d.createdAt(), d.updatedAt(), d.principalMode(), d.awsTags(),
                    new TreeSet<>(d.supportedIpAddressTypes()));
        }
    }

    private final CatalogService catalog;
    private final ListingService listings;

    ServicesController(CatalogService catalog, ListingService listings) {
        this.catalog = catalog;
        this.listings = listings;
    }

    private static final String SEARCH_PARAMETERS = "q: words in name, tags, owner team, summary or description, in "
            + "web search syntax (`payments -legacy`, `\"card tokens\"`, `kyc or aml`); the last word also matches as "
            + "a prefix, and a word that matches no name or tag also finds the most similar ones (`paymnts` finds "
            + "`payments`). tag: one exact tag; team: the owner team's name; region: the service's or a supported "
            + "region.";

    @GetMapping
    @Operation(summary = "Search the catalog: available services you may see, best matches first",
            description = SEARCH_PARAMETERS + " Results are ranked: services whose name matches first, then by "
                    + "relevance; without q, by name. Pages count from 0.")
    SearchPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                      @RequestParam(required = false) String team, @RequestParam(required = false) String region,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        CatalogPage found = catalog.page(query(q, tag, team, region), Pages.offset(page, size), size);
        List<ServiceSummary> items = found.entries().stream().map(ServicesController::summary).toList();
        return new SearchPage(items, page, size, found.count().value(), found.count().atLeast(), found.corrections());
    }

    @GetMapping("/facets")
    @Operation(summary = "Facet counts for a catalog search: by tag, owner team and region",
            description = SEARCH_PARAMETERS + " Exact up to a thousand matches; beyond, estimated from a sample.")
    Facets facets(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                  @RequestParam(required = false) String team, @RequestParam(required = false) String region) {
        CatalogFacets f = catalog.facets(query(q, tag, team, region));
        return new Facets(f.total(), f.estimated(), values(f.tags()), values(f.teams()), values(f.regions()),
                f.corrections());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One service; 404 if it does not exist or you may not see it")
    Service service(@PathVariable UUID id) {
        return Service.of(listings.detail(id));
    }

    @NeedsScope(ApiScope.PROVIDE)
    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a service from one of your team's accounts",
            description = "Checks the load balancers in AWS, then creates the endpoint service in the background: "
                    + "the service starts in PUBLISHING; poll it until AVAILABLE (or FAILED, with failureReason).")
    ResponseEntity<Service> publish(@RequestBody PublishService body) {
        Service created = Service.of(listings.publish(body.command()));
        return ResponseEntity.created(URI.create("/api/v1/services/" + created.id())).body(created);
    }

    @NeedsScope(ApiScope.PROVIDE)
    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Publish a FAILED service again (its owners and admins)")
    ResponseEntity<Service> retry(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(Service.of(listings.retryPublish(id)));
    }

    private static CatalogQuery query(String q, String tag, String team, String region) {
        List<FieldError> errors = new ArrayList<>();
        if (q != null && q.length() > CatalogService.MAX_TEXT_LENGTH) {
            errors.add(new FieldError("q", "At most " + CatalogService.MAX_TEXT_LENGTH + " characters"));
        }
        String[][] texts = {{"q", q}, {"tag", tag}, {"team", team}};
        for (String[] text : texts) {
            if (!TextRules.isOneLine(text[1])) {
                errors.add(new FieldError(text[0], TextRules.ONE_LINE_MESSAGE));
            }
        }
        if (tag != null && tag.length() > 40) {
            errors.add(new FieldError("tag", "Tags have at most 40 characters"));
        }
        if (team != null && team.length() > 40) {
            errors.add(new FieldError("team", "Team names have at most 40 characters"));
        }
        if (region != null && !region.isBlank() && !region.trim().matches(AwsIds.REGION)) {
            errors.add(new FieldError("region", AwsIds.REGION_MESSAGE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new CatalogQuery(q, tag, team, region);
    }

    private static List<FacetValue> values(List<FacetCount> counts) {
        return counts.stream().map(c -> new FacetValue(c.value(), c.count())).toList();
    }

    private static ServiceSummary summary(CatalogEntry e) {
        return new ServiceSummary(e.id(), e.name(), e.summary(), e.ownerTeam(), e.region(), new TreeSet<>(e.tags()),
                e.approvalPolicy(), e.serviceName(), new Highlight(e.nameParts(), e.summaryParts()));
    }
}
