package dev.linkport.consumer.domain;

import dev.linkport.aws.DnsRecordIpType;
import dev.linkport.aws.IpAddressType;
import dev.linkport.consumer.EndpointState;
import dev.linkport.platform.TagsConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/**
 * A consumer team's request for an interface endpoint to a service, into one of its VPCs. The
 * service is the catalog's, the account, its team and the people identity's: the request keeps
 * their ids. Its subnets, security groups and DNS names load when first read, inside the transaction,
 * fifty requests' at a time; lists read rows ({@code EndpointRequestRowRepository}) instead.
 */
@Entity
@Table(name = "endpoint_request")
public class EndpointRequest {

    @Id
    private UUID id;

    @Column(name = "listing_id", nullable = false)
    private UUID listingId;

    /** Linkport's id of the account the endpoint goes into. */
    @Column(name = "consumer_account_id", nullable = false)
    private UUID consumerAccountId;

    /** The team that owns that account (an account never changes team). */
    @Column(name = "consumer_team_id", nullable = false)
    private UUID consumerTeamId;

    @Column(name = "requester_id", nullable = false)
    private UUID requesterId;

    @Column(nullable = false)
    private String region;

    @Column(name = "vpc_id", nullable = false)
    private String vpcId;

    @ElementCollection(fetch = FetchType.LAZY)
    @BatchSize(size = 50)
    @CollectionTable(name = "endpoint_request_subnet", joinColumns = @JoinColumn(name = "request_id"))
    @Column(name = "subnet_id", nullable = false)
    private Set<String> subnetIds = new TreeSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @BatchSize(size = 50)
    @CollectionTable(name = "endpoint_request_security_group", joinColumns = @JoinColumn(name = "request_id"))
    @Column(name = "group_id", nullable = false)
    private Set<String> securityGroupIds = new TreeSet<>();

    @Column(name = "private_dns_enabled", nullable = false)
    private boolean privateDnsEnabled;

    /** The addresses the endpoint's network interfaces get. */
    @Enumerated(EnumType.STRING)
    @Column(name = "ip_address_type", nullable = false)
    private IpAddressType ipAddressType = IpAddressType.IPV4;

    /** The DNS records AWS creates for its names; null for AWS's default for the IP address type. */
    @Enumerated(EnumType.STRING)
    @Column(name = "dns_record_ip_type")
    private DnsRecordIpType dnsRecordIpType;

    @Column(nullable = false)
    private String justification;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EndpointState state;

    @Column(name = "vpc_endpoint_id")
    private String vpcEndpointId;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "decided_by_id")
    private UUID decidedById;

    @ElementCollection(fetch = FetchType.LAZY)
    @BatchSize(size = 50)
    @CollectionTable(name = "endpoint_dns_entry", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "position")
    private List<EndpointDnsName> dnsNames = new ArrayList<>();

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    /** The IAM role the consumer named for a service that allows roles, or null (the account's Linkport role). */
    @Column(name = "principal_role_arn")
    private String principalRoleArn;

    /** The principal Linkport made the service allow for this request, once provisioning began. */
    @Column(name = "allowed_principal")
    private String allowedPrincipal;

    /** When the latest provisioning began (the worker's time budget counts from here). */
    @Column(name = "provisioning_since")
    private Instant provisioningSince;

    /** When Linkport asked AWS to accept the endpoint's connection. */
    @Column(name = "accepted_at")
    private Instant acceptedAt;

    /** The traffic the requester expects, GB per month; null when not given. */
    @Column(name = "expected_gb_per_month")
    private Integer expectedGbPerMonth;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    /** The tags AWS holds on the endpoint, as last read; null before the endpoint exists. */
    @Convert(converter = TagsConverter.class)
    @Column(name = "aws_tags")
    private Map<String, String> awsTags;

    protected EndpointRequest() {
    }

    public EndpointRequest(UUID listingId, UUID consumerAccountId, UUID consumerTeamId, UUID requesterId,
                           String region, String vpcId, Set<String> subnetIds, Set<String> securityGroupIds,
                           boolean privateDnsEnabled, String justification, Instant now) {
        this.id = UUID.randomUUID();
        this.listingId = listingId;
        this.consumerAccountId = consumerAccountId;
        this.consumerTeamId = consumerTeamId;
        this.requesterId = requesterId;
        this.region = region;
        this.vpcId = vpcId;
        this.subnetIds = new TreeSet<>(subnetIds);
        this.securityGroupIds = new TreeSet<>(securityGroupIds);
        this.privateDnsEnabled = privateDnsEnabled;
        this.justification = justification;
        this.state = EndpointState.SUBMITTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public UUID getListingId() { return listingId; }
    public UUID getConsumerAccountId() { return consumerAccountId; }
    public UUID getConsumerTeamId() { return consumerTeamId; }
    public UUID getRequesterId() { return requesterId; }
    public String getRegion() { return region; }
    public String getVpcId() { return vpcId; }
    public Set<String> getSubnetIds() { return subnetIds; }
    public Set<String> getSecurityGroupIds() { return securityGroupIds; }
    public boolean isPrivateDnsEnabled() { return privateDnsEnabled; }
    public String getJustification() { return justification; }
    public EndpointState getState() { return state; }
    public String getVpcEndpointId() { return vpcEndpointId; }
    public Map<String, String> getAwsTags() { return awsTags == null ? Map.of() : awsTags; }
    public String getFailureReason() { return failureReason; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionReason() { return decisionReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Long getVersion() { return version; }
    public UUID getDecidedById() { return decidedById; }
    public List<EndpointDnsName> getDnsNames() { return dnsNames; }
    public Instant getProvisioningSince() { return provisioningSince; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public String getPrincipalRoleArn() { return principalRoleArn; }
    public String getAllowedPrincipal() { return allowedPrincipal; }
    public IpAddressType getIpAddressType() { return ipAddressType == null ? IpAddressType.IPV4 : ipAddressType; }
    /** The DNS record IP type asked for, or null for AWS's default. */
    public DnsRecordIpType getDnsRecordIpType() { return dnsRecordIpType; }

    /** The IP address type of the endpoint and, optionally (null: AWS's default), its DNS records' type. */
    public void ipTypes(IpAddressType addressType, DnsRecordIpType recordType) {
        this.ipAddressType = addressType == null ? IpAddressType.IPV4 : addressType;
        this.dnsRecordIpType = recordType;
    }

    public Integer getExpectedGbPerMonth() { return expectedGbPerMonth; }

    /** The requester's expectation of traffic (GB per month, null: not given), for the cost estimate. */
    public void expectTraffic(Integer gbPerMonth) {
        this.expectedGbPerMonth = gbPerMonth;
    }

    /** The consumer names the role the service should allow (null: the account's Linkport role). */
    public void namePrincipalRole(String roleArn) {
        this.principalRoleArn = roleArn;
    }

    /** Provisioning makes the service allow this principal for the request. */
    public void allowing(String principal) {
        this.allowedPrincipal = principal;
    }

    /**
     * Moves the request to another state and returns the timeline entry to store. Refuses moves
     * that the lifecycle ({@link EndpointState#canMoveTo}) does not allow.
     */
    public EndpointTransition moveTo(EndpointState next, UUID actorId, String actorName, String reason, Instant now) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("Request " + id + " cannot go from " + state + " to " + next);
        }
        EndpointTransition transition = new EndpointTransition(id, state, next, actorId, actorName, reason, now);
        this.state = next;
        this.updatedAt = now;
        if (next == EndpointState.PROVISIONING) {
            this.provisioningSince = now;
            this.acceptedAt = null;
        }
        if (next == EndpointState.FAILED) {
            this.failureReason = reason;
        } else if (next != EndpointState.DRIFTED) {
            this.failureReason = null;
        }
        return transition;
    }

    public void decided(UUID deciderId, String reason, Instant now) {
        this.decidedById = deciderId;
        this.decisionReason = reason;
        this.decidedAt = now;
    }

    public void endpointCreated(String vpcEndpointId, Instant now) {
        this.vpcEndpointId = vpcEndpointId;
        this.updatedAt = now;
    }

    /** What AWS answered holding as the endpoint's tags; only a change is written. */
    public void tagsInAws(Map<String, String> tags) {
        if (!tags.equals(awsTags)) {
            this.awsTags = new java.util.LinkedHashMap<>(tags);
        }
    }

    /** Linkport asked AWS to accept the endpoint's connection. */
    public void acceptanceRequested(Instant now) {
        this.acceptedAt = now;
        this.updatedAt = now;
    }

    /** The endpoint now has these subnets, security groups and private DNS setting in AWS (after a change). */
    public void changedInAws(Set<String> subnetIds, Set<String> securityGroupIds, boolean privateDnsEnabled,
                             Instant now) {
        this.subnetIds.clear();
        this.subnetIds.addAll(subnetIds);
        this.securityGroupIds.clear();
        this.securityGroupIds.addAll(securityGroupIds);
        this.privateDnsEnabled = privateDnsEnabled;
        this.updatedAt = now;
    }

    public void dnsNames(List<EndpointDnsName> names) {
        this.dnsNames.clear();
        this.dnsNames.addAll(names);
    }
}
