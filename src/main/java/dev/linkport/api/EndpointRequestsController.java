package dev.linkport.api;

import dev.linkport.aws.DnsNameType;
import dev.linkport.aws.DnsRecordIpType;
import dev.linkport.aws.IpAddressType;
import dev.linkport.identity.ApiScope;
import dev.linkport.api.Pages.Items;
import dev.linkport.api.Pages.Page;
import dev.linkport.approval.service.ApprovalService;
import dev.linkport.approval.service.ApprovalService.BulkOutcome;
import dev.linkport.approval.service.ApprovalService.BulkResult;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestRow;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.MyEndpointsFilter;
import dev.linkport.consumer.service.WaitingRequestsFilter;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.platform.CostEstimate;
import dev.linkport.consumer.service.ZoneOffer;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Requests for interface endpoints, their decisions and their lifecycle ({@code EndpointState}). */
@RestController
@RequestMapping(path = "/api/v1/endpoint-requests", produces = "application/json")
@Tag(name = "Endpoint requests", description = "Request interface endpoints; approve, reject, delete, retry")
class EndpointRequestsController {

    static final String MINE = "mine";
    static final String TO_DECIDE = "to-decide";

    /** An endpoint to create in one of your team's VPCs. {@code serviceId} is the Linkport service's id. */
    record RequestEndpoint(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID serviceId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "222222222222") String accountId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "us-east-1") String region,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String vpcId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "only in zones (by zone ID) the service covers") List<String> subnetIds,
            List<String> securityGroupIds,
            @Schema(description = "only once the service's private DNS name is verified; default false")
            Boolean privateDnsEnabled,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String justification,
            @Schema(description = "only for a service whose principalMode is ROLE: the IAM role of the account that "
                    + "the service allows and that Linkport creates the endpoint as (it must trust Linkport like the "
                    + "account's registered role, with the same ExternalId); absent: the account's registered role",
                    example = "arn:aws:iam::222222222222:role/checkout-app")
            String principalRoleArn,
            @Schema(description = "the addresses of the endpoint's network interfaces: IPV4 (default), IPV6 (every "
                    + "subnet IPv6-only) or DUALSTACK (every subnet with an IPv4 and an IPv6 range); the service must "
                    + "support it (DUALSTACK: IPV4 and IPV6)")
            IpAddressType ipAddressType,
            @Schema(description = "the DNS records AWS creates for the endpoint's names (DnsOptions): IPV4 (A), IPV6 "
                    + "(AAAA), DUALSTACK (both) or SERVICE_DEFINED (A for all names, AAAA for the regional and zonal "
                    + "ones); IPV4 needs an IPV4 or DUALSTACK endpoint, IPV6 an IPV6 or DUALSTACK one, the others a "
                    + "DUALSTACK one; absent: AWS's default, the IP address type's own")
            DnsRecordIpType dnsRecordIpType,

            @Schema(description = "the traffic you expect through the endpoint, GB per month (0 to 10,000,000), for "
                    + "the cost estimate approvers see; absent: not given", example = "100")
            Integer expectedGbPerMonth) {

        SubmitEndpointRequest command() {
            return new SubmitEndpointRequest(serviceId, accountId, region, vpcId, subnetIds, securityGroupIds,
                    Boolean.TRUE.equals(privateDnsEnabled), justification, principalRoleArn, ipAddressType,
                    dnsRecordIpType, expectedGbPerMonth);
        }
    }

    /** Why a request was approved (optional) or rejected (required; the requester sees it). */
    record Decision(String reason) {
    }

    /**
     * The endpoint's DNS names, once it is available: the regional one, one per zone and, with private DNS on, the
     * service's private name; {@code names} lists them all in AWS's order, each with its {@code type} and, for a
     * zonal name, its {@code zone}.
     */
    record DnsNames(String regional, List<String> zonal,
                    @Schema(description = "the service's private DNS name, with private DNS on; else null")
                    String privateName,
                    List<DnsName> names) {
    }

    /** One DNS name of the endpoint, labelled from what AWS lists. */
    record DnsName(@Schema(example = "vpce-0a1b2c3d4e5f60718-x1y2z3w4-us-east-1a.vpce-svc-0123456789abcdef0"
                           + ".us-east-1.vpce.amazonaws.com") String name,
                   @Schema(description = "REGIONAL, ZONAL or PRIVATE") DnsNameType type,
                   @Schema(description = "the zone a ZONAL name resolves in, e.g. us-east-1a; null for the others")
                   String zone,
                   String hostedZoneId) {
    }

    /**
     * The monthly cost estimate in USD at the consumer region's prices: {@code endpointHours} (zones × price per
     * zone-hour × 730), {@code dataProcessing} (expected GB × price per GB) and {@code interRegionTransfer} (expected
     * GB × the inter-region price, when the service is in another region), and their sum {@code monthly}.
     */
    record CostEstimateBody(BigDecimal monthly, String region, int zones, Integer expectedGbPerMonth,
                            boolean crossRegion, BigDecimal pricePerZoneHour, BigDecimal pricePerGb,
                            BigDecimal interRegionPricePerGb, BigDecimal endpointHours, BigDecimal dataProcessing,
                            BigDecimal interRegionTransfer, String description) {

        static CostEstimateBody of(CostEstimate e) {
            return e == null ? null : new CostEstimateBody(e.monthly(), e.region(), e.zones(), e.gbPerMonth(),
                    e.crossRegion(), e.azHourPrice(), e.perGbPrice(), e.interRegionPerGb(), e.endpointHours(),
                    e.dataProcessing(), e.interRegionTransfer(), e.describe());
        }
    }

    /** One step of the request's life: who moved it from which state to which, and why. */
    record TimelineStep(Instant at, EndpointState from, EndpointState to, String actor, String reason) {
    }

    /**
     * An endpoint request. {@code serviceId} is the Linkport service's id and
     * {@code serviceDisplayName} its name; {@code serviceName} is the AWS endpoint service name.
     * {@code awsTags}: the tags AWS holds on the endpoint (Linkport's {@code linkport:*} tags and the
     * cost-allocation ones), as Linkport last read them.
     */
    record EndpointRequest(UUID id,
                           EndpointState state, UUID serviceId, String serviceDisplayName, String serviceName,
                           String ownerTeam, String accountId, String consumerTeam, String region, String vpcId,
                           List<String> subnetIds, List<String> securityGroupIds, boolean privateDnsEnabled,
                           String justification, String requester, String vpcEndpointId, DnsNames dnsNames,
                           String failureReason, String decidedBy, String decisionReason, Instant createdAt,
                           Instant updatedAt, List<TimelineStep> timeline, boolean canDelete, boolean canRetry,
                           @Schema(description = "the role named for a ROLE service, or null") String principalRoleArn,
                           @Schema(description = "the principal the service allows for this request in AWS, once "
                                   + "provisioning began; Linkport removes it with the last request needing it")
                           String allowedPrincipal,
                           Map<String, String> awsTags,
                           @Schema(description = "IPV4, IPV6 or DUALSTACK") IpAddressType ipAddressType,
                           @Schema(description = "the DNS record type asked for; null: AWS's default for the IP "
                                   + "address type") DnsRecordIpType dnsRecordIpType,

                           @Schema(description = "the traffic the requester expects, GB per month; null: not given")
                           Integer expectedGbPerMonth,
                           CostEstimateBody costEstimate) {

        static EndpointRequest of(EndpointRequestDetails v) {
            return new EndpointRequest(v.id(), v.state(), v.serviceId(), v.serviceName(), v.awsServiceName(),
                    v.ownerTeam(), v.accountId(), v.consumerTeam(), v.region(), v.vpcId(), v.subnetIds(),
                    v.securityGroupIds(), v.privateDnsEnabled(), v.justification(), v.requester(), v.vpcEndpointId(),
                    new DnsNames(v.dnsRegional(), v.dnsZonal() == null ? List.of() : v.dnsZonal(), v.dnsPrivate(),
                            v.dnsNames().stream().map(n -> new DnsName(n.name(), n.type(), n.zone(),
                                    n.hostedZoneId())).toList()),
                    v.failureReason(), v.decidedBy(), v.decisionReason(), v.createdAt(), v.updatedAt(),
                    v.timeline() == null ? List.of() : v.timeline().stream()
                            .map(t -> new TimelineStep(t.at(), t.from(), t.to(), t.actor(), t.reason())).toList(),
                    v.canDelete(), v.canRetry(), v.principalRoleArn(), v.allowedPrincipal(), v.awsTags(),
                    v.ipAddressType(), v.dnsRecordIpType(),

                    v.expectedGbPerMonth(), CostEstimateBody.of(v.estimate()));
        }
    }

    /** An endpoint request in a list: what, where, who and how far; {@code GET /{id}} has its details. */
    record EndpointRequestSummary(UUID id, EndpointState state, UUID serviceId, String serviceDisplayName,
                                  String accountId, String consumerTeam, String region, String vpcId,
                                  int subnetCount, String vpcEndpointId, String requester, String justification,
                                  Instant createdAt, Instant updatedAt,
                                  @Schema(description = "scope=to-decide: why you may not decide this request though "
                                          + "it waits in your queue (your own request: four eyes); null when you may")
                                  String cannotDecide,
                                  @Schema(description = "the traffic the requester expects, GB per month, or null")
                                  Integer expectedGbPerMonth,
                                  CostEstimateBody costEstimate) {

        static EndpointRequestSummary of(EndpointRequestRow r) {
            return of(r, null);
        }

        static EndpointRequestSummary of(ApprovalService.PendingDecision p) {
            return of(p.request(), p.cannotDecide());
        }

        private static EndpointRequestSummary of(EndpointRequestRow r, String cannotDecide) {
            return new EndpointRequestSummary(r.id(), r.state(), r.serviceId(), r.serviceName(), r.accountId(),
                    r.consumerTeam(), r.region(), r.vpcId(), r.subnetCount(), r.vpcEndpointId(), r.requester(),
                    r.justification(), r.createdAt(), r.updatedAt(), cannotDecide, r.expectedGbPerMonth(),
                    CostEstimateBody.of(r.estimate()));
        }
    }

    /** Requests to reject, and why (the requesters see it). */
    record BulkRejection(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = MAX_BULK) List<UUID> ids,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 2000) String reason) {
    }

    /** Requests to approve, and why (optional; the requesters see it). */
    record BulkApproval(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = MAX_BULK) List<UUID> ids,
                        @Schema(maxLength = 2000) String reason) {
    }

    /**
     * What happened to one request of a bulk decision: {@code result} DECIDED, or why not
     * (NOT_FOUND, NOT_ALLOWED, ALREADY_DECIDED, FAILED), with {@code problem} in words.
     */
    record BulkDecision(UUID id, boolean decided, BulkResult result, String problem) {

        static BulkDecision of(BulkOutcome o) {
            return new BulkDecision(o.id(), o.done(), o.result(), o.problem());
        }
    }

    /** The most requests one bulk decision takes. */
    static final int MAX_BULK = ApprovalService.MAX_BULK;

    private final EndpointRequestService requests;
    private final ApprovalService approvals;

    EndpointRequestsController(EndpointRequestService requests, ApprovalService approvals) {
        this.requests = requests;
        this.approvals = approvals;
    }

    @NeedsScope(ApiScope.REQUEST)
    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request an interface endpoint into one of your team's VPCs",
            description = "Checked against your account in AWS. SUBMITTED until decided (APPROVED at once with the "
                    + "AUTO policy); then provisioned in the background: poll until AVAILABLE.")
    ResponseEntity<EndpointRequest> submit(@RequestBody RequestEndpoint body) {
        EndpointRequest created = EndpointRequest.of(requests.submit(body.command()));
        return ResponseEntity.created(URI.create("/api/v1/endpoint-requests/" + created.id())).body(created);
    }

    /**
     * Where an endpoint to the service may go from the account's region.
     *
     * @param crossRegion whether the service runs in another region ({@code serviceRegion})
     * @param known       false when the zones could not be learned; AWS then checks them on creation
     */
    record Zones(String region, String serviceRegion, boolean crossRegion, boolean known, List<String> zoneIds) {

        static Zones of(ZoneOffer o) {
            return new Zones(o.region(), o.serviceRegion(), o.crossRegion(), o.known(),
                    o.zoneIds().stream().sorted().toList());
        }
    }

    @GetMapping("/zones")
    @Operation(summary = "The zones (zone IDs) a request for the service from the account and region may use",
            description = "In the service's own region the zones of its load balancers; from another region "
                    + "(cross-region PrivateLink) the zones of that region AWS offers the service in (read from AWS). "
                    + "Subnets in other zones are refused on submit.")
    Zones zones(@RequestParam UUID serviceId, @RequestParam String accountId, @RequestParam String region) {
        return Zones.of(requests.zonesFor(serviceId, accountId, region));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request, with its DNS names and timeline; 404 if you may not see it")
    EndpointRequest request(@PathVariable UUID id) {
        return EndpointRequest.of(requests.detail(id));
    }

    @GetMapping
    @Operation(summary = "Your teams' requests (scope=mine, newest first) or those you may decide (scope=to-decide, "
            + "oldest first), filtered",
            description = "Items are summaries without timelines; GET /{id} has the details. Filters work together. "
                    + "scope=mine: state (repeatable), service, account (12 digits), q. scope=to-decide: service, "
                    + "team, q, waitingAtLeast (ISO-8601, e.g. P1D, PT4H). q matches the service's name, the "
                    + "account and its team, the VPC, the endpoint id, the region and the requester.")
    Page<EndpointRequestSummary> list(@RequestParam(defaultValue = MINE)
                                      @Schema(allowableValues = {MINE, TO_DECIDE}) String scope,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size,
                                      @RequestParam(required = false) List<String> state,
                                      @RequestParam(required = false) String service,
                                      @RequestParam(required = false) String account,
                                      @RequestParam(required = false) String team,
                                      @RequestParam(required = false) String q,
                                      @RequestParam(required = false) String waitingAtLeast) {
        Pages.check(page, size);
        int offset = Pages.offset(page, size);
        List<FieldError> errors = new ArrayList<>();
        UUID serviceId = uuid("service", service, errors);
        switch (scope) {
            case MINE -> {
                onlyWith(TO_DECIDE, "team", team, errors);
                onlyWith(TO_DECIDE, "waitingAtLeast", waitingAtLeast, errors);
                Set<EndpointState> states = states(state, errors);
                MyEndpointsFilter filter = new MyEndpointsFilter(states, serviceId, account, q);
                return withTheServicesErrors(errors, () -> new Page<>(requests.mine(filter, offset, size).stream()
                        .map(EndpointRequestSummary::of).toList(), page, size, requests.countMine(filter)));
            }
            case TO_DECIDE -> {
                onlyWith(MINE, "state", state == null || state.isEmpty() ? null : "x", errors);
                onlyWith(MINE, "account", account, errors);
                UUID teamId = uuid("team", team, errors);
                Duration waiting = duration("waitingAtLeast", waitingAtLeast, errors);
                WaitingRequestsFilter filter = new WaitingRequestsFilter(serviceId, teamId, q, waiting);
                return withTheServicesErrors(errors, () -> new Page<>(approvals.pendingDecisions(filter, offset, size)
                        .stream().map(EndpointRequestSummary::of).toList(), page, size, approvals.countPending(filter)));
            }
            default -> throw InvalidInputException.of("scope", "Use scope=" + MINE + " or scope=" + TO_DECIDE);
        }
    }

    @NeedsScope(ApiScope.DECIDE)
    @PostMapping(path = "/reject", consumes = "application/json")
    @Operation(summary = "Reject up to 100 SUBMITTED requests with one reason (required, at most 2000 characters)",
            description = "Each is decided and audited as a single rejection; the answer says, for each in the "
                    + "order given, whether it was rejected or why not (NOT_FOUND, NOT_ALLOWED, OWN_REQUEST, "
                    + "ALREADY_DECIDED).")
    Items<BulkDecision> rejectAll(@RequestBody BulkRejection body) {
        return new Items<>(approvals.rejectAll(body.ids(), body.reason()).stream().map(BulkDecision::of).toList());
    }

    @NeedsScope(ApiScope.DECIDE)
    @PostMapping(path = "/approve", consumes = "application/json")
    @Operation(summary = "Approve up to 100 SUBMITTED requests, with an optional reason (at most 2000 characters)",
            description = "Each is decided and audited as a single approval and provisioned; the answer says, for "
                    + "each in the order given, whether it was approved or why not (NOT_FOUND, NOT_ALLOWED, "
                    + "OWN_REQUEST: nobody decides their own request, ALREADY_DECIDED).")
    Items<BulkDecision> approveAll(@RequestBody BulkApproval body) {
        return new Items<>(approvals.approveAll(body.ids(), body.reason()).stream().map(BulkDecision::of).toList());
    }

    private static UUID uuid(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "Not an id: " + value));
            return null;
        }
    }

    private static Set<EndpointState> states(List<String> values, List<FieldError> errors) {
        Set<EndpointState> states = EnumSet.noneOf(EndpointState.class);
        if (values != null) {
            for (String value : values) {
                try {
                    states.add(EndpointState.valueOf(value.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("state", "No state " + value + "; use one of "
                            + Arrays.stream(EndpointState.values()).map(Enum::name).collect(Collectors.joining(", "))));
                }
            }
        }
        return states;
    }

    private static Duration duration(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "An ISO-8601 duration, e.g. P1D or PT4H"));
            return null;
        }
    }

    private static void onlyWith(String scope, String field, String value, List<FieldError> errors) {
        if (value != null && !value.isBlank()) {
            errors.add(new FieldError(field, "Only with scope=" + scope));
        }
    }

    /**
     * The page, unless a parameter could not be read here or the service refuses a value: then every
     * field that is wrong, in one answer.
     */
    private static <T> T withTheServicesErrors(List<FieldError> errors, Supplier<T> list) {
        T result;
        try {
            result = list.get();
        } catch (InvalidInputException refused) {
            List<FieldError> all = new ArrayList<>(errors);
            all.addAll(refused.errors());
            throw new InvalidInputException(all);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return result;
    }

    @NeedsScope(ApiScope.DECIDE)
    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a SUBMITTED request (admins; the provider team for the PROVIDER policy)",
            description = "Four eyes: nobody decides their own request, admins included (403), unless "
                    + "linkport.approval.self-decision-allowed-for names the service's policy.")
    EndpointRequest approve(@PathVariable UUID id, @RequestBody(required = false) Decision body) {
        return EndpointRequest.of(approvals.approve(id, body == null ? null : body.reason()));
    }

    @NeedsScope(ApiScope.DECIDE)
    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a SUBMITTED request; a reason is required",
            description = "Four eyes: nobody decides their own request, admins included (403), unless "
                    + "linkport.approval.self-decision-allowed-for names the service's policy.")
    EndpointRequest reject(@PathVariable UUID id, @RequestBody(required = false) Decision body) {
        return EndpointRequest.of(approvals.reject(id, body == null ? null : body.reason()));
    }

    @NeedsScope(ApiScope.REQUEST)
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Delete the endpoint (or cancel a request that has none yet); DELETING until DELETED")
    ResponseEntity<EndpointRequest> delete(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(EndpointRequest.of(requests.delete(id)));
    }

    @NeedsScope(ApiScope.ADMIN)
    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Provision a FAILED request again (platform admins)")
    ResponseEntity<EndpointRequest> retry(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(EndpointRequest.of(requests.retry(id)));
    }
}
