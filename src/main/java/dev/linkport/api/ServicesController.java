package dev.linkport.api;

import dev.linkport.api.Pages.Page;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.Visibility;
import dev.linkport.catalog.service.CatalogService;
import dev.linkport.catalog.service.CatalogService.CatalogEntry;
import dev.linkport.catalog.service.CatalogService.CatalogQuery;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.PublishServiceCommand;
import dev.linkport.catalog.service.ServiceDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
                          ApprovalPolicy approvalPolicy, String serviceName) {
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
            @Schema(description = "team names, with visibility SELECTED_TEAMS") Set<String> visibleTeams) {

        PublishServiceCommand command() {
            return new PublishServiceCommand(name, summary, description, tags, documentationUrl, supportContact, ports,
                    accountId, region, loadBalancerArns, acceptanceRequired == null || acceptanceRequired,
                    approvalPolicy, privateDnsName, supportedRegions, visibility, visibleTeams);
        }
    }

    /**
     * A service as its page shows it. {@code id} is Linkport's; {@code serviceId}, {@code serviceName}
     * and {@code availabilityZoneIds} are the AWS endpoint service's, once published. The TXT record
     * and failure reason are shown to the service's owners only.
     */
    record Service(UUID id, String name, String summary, String description, Set<String> tags,
                   String documentationUrl, String supportContact, String ports, String ownerTeam, String accountId,
                   String region, Set<String> supportedRegions, List<String> loadBalancerArns,
                   boolean acceptanceRequired, ApprovalPolicy approvalPolicy, Visibility visibility,
                   String privateDnsName, String privateDnsState, String privateDnsTxtName, String privateDnsTxtValue,
                   ListingState state, String serviceId, String serviceName, Set<String> availabilityZoneIds,
                   String failureReason, long consumerCount, boolean canManage, boolean canRequest,
                   Instant createdAt, Instant updatedAt) {

        static Service of(ServiceDetail d) {
            return new Service(d.id(), d.name(), d.summary(), d.description(), new TreeSet<>(d.tags()),
                    d.documentationUrl(), d.supportContact(), d.ports(), d.ownerTeam(), d.providerAccountId(),
                    d.region(), new TreeSet<>(d.supportedRegions()), d.loadBalancerArns(), d.acceptanceRequired(),
                    d.approvalPolicy(), d.visibility(), d.privateDnsName(), d.privateDnsState(), d.privateDnsTxtName(),
                    d.privateDnsTxtValue(), d.state(), d.serviceId(), d.serviceName(),
                    new TreeSet<>(d.availabilityZoneIds()), d.failureReason(), d.consumerCount(), d.canManage(),
                    d.canRequest(), d.createdAt(), d.updatedAt());
        }
    }

    private final CatalogService catalog;
    private final ListingService listings;

    ServicesController(CatalogService catalog, ListingService listings) {
        this.catalog = catalog;
        this.listings = listings;
    }

    @GetMapping
    @Operation(summary = "Search the catalog: available services you may see",
            description = "q: words in name, summary, description, tags or owner team; tag: one exact tag; "
                    + "team: the owner team's name; region: the service's or a supported region. Pages count from 0.")
    Page<ServiceSummary> search(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                                @RequestParam(required = false) String team,
                                @RequestParam(required = false) String region,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        CatalogQuery query = new CatalogQuery(q, tag, team, region);
        List<ServiceSummary> items = catalog.search(query, Pages.offset(page, size), size).stream()
                .map(ServicesController::summary).toList();
        return new Page<>(items, page, size, catalog.count(query));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One service; 404 if it does not exist or you may not see it")
    Service service(@PathVariable UUID id) {
        return Service.of(listings.detail(id));
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a service from one of your team's accounts",
            description = "Checks the load balancers in AWS, then creates the endpoint service in the background: "
                    + "the service starts in PUBLISHING; poll it until AVAILABLE (or FAILED, with failureReason).")
    ResponseEntity<Service> publish(@RequestBody PublishService body) {
        Service created = Service.of(listings.publish(body.command()));
        return ResponseEntity.created(URI.create("/api/v1/services/" + created.id())).body(created);
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Publish a FAILED service again (its owners and admins)")
    ResponseEntity<Service> retry(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(Service.of(listings.retryPublish(id)));
    }

    private static ServiceSummary summary(CatalogEntry e) {
        return new ServiceSummary(e.id(), e.name(), e.summary(), e.ownerTeam(), e.region(), new TreeSet<>(e.tags()),
                e.approvalPolicy(), e.serviceName());
    }
}
