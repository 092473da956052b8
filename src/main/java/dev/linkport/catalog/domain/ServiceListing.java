package dev.linkport.catalog.domain;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.ChangeApproval;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.Visibility;
import dev.linkport.platform.TagsConverter;
import dev.linkport.aws.IpAddressType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A service in the catalog, backed by one AWS VPC endpoint service in the provider's account. The
 * owner team and the provider account are identity's; the listing keeps their ids (and the team's
 * name, which never changes) rather than references to identity's entities.
 */
@Entity
@Table(name = "service_listing")
public class ServiceListing {

    @Id
    private UUID id;

    @Column(name = "owner_team_id", nullable = false)
    private UUID ownerTeamId;

    @Column(name = "owner_team_name", nullable = false)
    private String ownerTeamName;

    @Column(name = "provider_account_id", nullable = false)
    private UUID providerAccountId;

    @Column(nullable = false)
    private String region;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String summary;

    private String description;

    @Column(name = "documentation_url")
    private String documentationUrl;

    @Column(name = "support_contact")
    private String supportContact;

    private String ports;

    @Column(name = "acceptance_required", nullable = false)
    private boolean acceptanceRequired = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "approval_policy", nullable = false)
    private ApprovalPolicy approvalPolicy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility = Visibility.ALL_TEAMS;

    @Column(name = "private_dns_name")
    private String privateDnsName;

    @Enumerated(EnumType.STRING)
    @Column(name = "principal_mode", nullable = false)
    private PrincipalMode principalMode = PrincipalMode.ACCOUNT;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_approval", nullable = false)
    private ChangeApproval changeApproval = ChangeApproval.NONE;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ListingState state;

    @Column(name = "aws_service_id")
    private String awsServiceId;

    @Column(name = "aws_service_name")
    private String awsServiceName;

    @Column(name = "failure_reason")
    private String failureReason;

    @ElementCollection
    @CollectionTable(name = "service_listing_tag", joinColumns = @JoinColumn(name = "listing_id"))
    @Column(name = "tag", nullable = false)
    private Set<String> tags = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "service_listing_az", joinColumns = @JoinColumn(name = "listing_id"))
    @Column(name = "availability_zone_id", nullable = false)
    private Set<String> availabilityZoneIds = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "service_listing_load_balancer", joinColumns = @JoinColumn(name = "listing_id"))
    @Column(name = "load_balancer_arn", nullable = false)
    private Set<String> loadBalancerArns = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "service_listing_supported_region", joinColumns = @JoinColumn(name = "listing_id"))
    @Column(name = "region", nullable = false)
    private Set<String> supportedRegions = new TreeSet<>();

    /** AWS values ({@code ipv4}, {@code ipv6}); empty means IPv4 only, AWS's default. */
    @ElementCollection
    @CollectionTable(name = "service_listing_ip_type", joinColumns = @JoinColumn(name = "listing_id"))
    @Column(name = "ip_address_type", nullable = false)
    private Set<String> ipAddressTypes = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "service_listing_visible_team", joinColumns = @JoinColumn(name = "listing_id"))
    @Column(name = "team_id", nullable = false)
    private Set<UUID> visibleTeamIds = new HashSet<>();

    @Column(name = "private_dns_state")
    private String privateDnsState;

    @Column(name = "private_dns_txt_name")
    private String privateDnsTxtName;

    @Column(name = "private_dns_txt_value")
    private String privateDnsTxtValue;

    /** When AWS stopped reporting the verified private DNS name as verified; null while it is (or never was). */
    @Column(name = "private_dns_lost_at")
    private Instant privateDnsLostAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    /** The tags AWS holds on the endpoint service, as last read; null before the service exists. */
    @Convert(converter = TagsConverter.class)
    @Column(name = "aws_tags")
    private Map<String, String> awsTags;

    protected ServiceListing() {
    }

    public ServiceListing(UUID ownerTeamId, String ownerTeamName, UUID providerAccountId, String region, String name,
                          String summary, ApprovalPolicy approvalPolicy, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerTeamId = ownerTeamId;
        this.ownerTeamName = ownerTeamName;
        this.providerAccountId = providerAccountId;
        this.region = region;
        this.name = name;
        this.summary = summary;
        this.approvalPolicy = approvalPolicy;
        this.state = ListingState.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public UUID getOwnerTeamId() { return ownerTeamId; }
    public Map<String, String> getAwsTags() { return awsTags == null ? Map.of() : awsTags; }
    public String getOwnerTeamName() { return ownerTeamName; }
    public UUID getProviderAccountId() { return providerAccountId; }
    public String getRegion() { return region; }
    public String getName() { return name; }
    public String getSummary() { return summary; }
    public String getDescription() { return description; }
    public String getDocumentationUrl() { return documentationUrl; }
    public String getSupportContact() { return supportContact; }
    public String getPorts() { return ports; }
    public boolean isAcceptanceRequired() { return acceptanceRequired; }
    public ApprovalPolicy getApprovalPolicy() { return approvalPolicy; }
    public Visibility getVisibility() { return visibility; }
    public String getPrivateDnsName() { return privateDnsName; }
    public ListingState getState() { return state; }
    public String getAwsServiceId() { return awsServiceId; }
    public String getAwsServiceName() { return awsServiceName; }
    public String getFailureReason() { return failureReason; }
    public Set<String> getTags() { return tags; }
    public Set<String> getAvailabilityZoneIds() { return availabilityZoneIds; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Long getVersion() { return version; }

    public PrincipalMode getPrincipalMode() { return principalMode; }
    public ChangeApproval getChangeApproval() { return changeApproval; }
    public Set<String> getLoadBalancerArns() { return loadBalancerArns; }
    public Set<String> getSupportedRegions() { return supportedRegions; }

    /** The IP address types consumers may connect over: IPv4 unless the provider chose otherwise. */
    public Set<IpAddressType> getSupportedIpAddressTypes() {
        if (ipAddressTypes.isEmpty()) {
            return EnumSet.of(IpAddressType.IPV4);
        }
        Set<IpAddressType> types = EnumSet.noneOf(IpAddressType.class);
        ipAddressTypes.forEach(t -> types.add(IpAddressType.fromAws(t)));
        return types;
    }

    /** Sets the IP address types the service supports (IPv4 and/or IPv6; at least one). */
    public void supportIpAddressTypes(Set<IpAddressType> types) {
        if (types.isEmpty() || types.contains(IpAddressType.DUALSTACK)) {
            throw new IllegalArgumentException("A service supports IPv4, IPv6 or both: " + types);
        }
        this.ipAddressTypes.clear();
        types.forEach(t -> this.ipAddressTypes.add(t.awsValue()));
    }
    public Set<UUID> getVisibleTeamIds() { return visibleTeamIds; }
    public String getPrivateDnsState() { return privateDnsState; }
    public String getPrivateDnsTxtName() { return privateDnsTxtName; }
    public String getPrivateDnsTxtValue() { return privateDnsTxtValue; }
    public Instant getPrivateDnsLostAt() { return privateDnsLostAt; }

    /** Whether a member of one of these teams owns the listing (and so manages it). */
    public boolean isOwnedByAnyOf(Set<UUID> teamIds) {
        return teamIds.contains(ownerTeamId);
    }

    /** Whether the verified private DNS name may be used by consumers. */
    public boolean isPrivateDnsVerified() {
        return "verified".equalsIgnoreCase(privateDnsState);
    }

    public void setState(ListingState state, Instant now) {
        this.state = state;
        this.updatedAt = now;
    }

    /** Sets what the provider describes (shown in the catalog; nothing in AWS). */
    public void describe(String description, String documentationUrl, String supportContact, String ports,
                         Set<String> tags) {
        this.description = description;
        this.documentationUrl = documentationUrl;
        this.supportContact = supportContact;
        this.ports = ports;
        this.tags.clear();
        this.tags.addAll(tags);
    }

    /** Sets the AWS-side configuration requested at publication. */
    public void configure(Set<String> loadBalancerArns, boolean acceptanceRequired, String privateDnsName,
                          Set<String> supportedRegions, Visibility visibility, Set<UUID> visibleTeamIds) {
        this.loadBalancerArns.clear();
        this.loadBalancerArns.addAll(loadBalancerArns);
        this.acceptanceRequired = acceptanceRequired;
        this.privateDnsName = privateDnsName;
        this.supportedRegions.clear();
        this.supportedRegions.addAll(supportedRegions);
        this.visibility = visibility;
        this.visibleTeamIds.clear();
        this.visibleTeamIds.addAll(visibleTeamIds);
    }

    /** AWS created the endpoint service: remember its identity and make the listing available. */
    public void published(String serviceId, String serviceName, Set<String> availabilityZoneIds, String privateDnsState,
                          String txtName, String txtValue, Instant now) {
        this.awsServiceId = serviceId;
        this.awsServiceName = serviceName;
        this.availabilityZoneIds.clear();
        this.availabilityZoneIds.addAll(availabilityZoneIds);
        this.privateDnsState = privateDnsState;
        this.privateDnsTxtName = txtName;
        this.privateDnsTxtValue = txtValue;
        this.failureReason = null;
        setState(ListingState.AVAILABLE, now);
    }

    /** What AWS answered holding as the endpoint service's tags; only a change is written. */
    public void tagsInAws(Map<String, String> tags) {
        if (!tags.equals(awsTags)) {
            this.awsTags = new java.util.LinkedHashMap<>(tags);
        }
    }

    /** The owners asked for a new private DNS name; the ModifyService job applies it in AWS. */
    public void privateDnsRequested(String name, Instant now) {
        this.privateDnsLostAt = null;
        this.privateDnsName = name;
        this.privateDnsState = null;
        this.privateDnsTxtName = null;
        this.privateDnsTxtValue = null;
        this.updatedAt = now;
    }

    /**
     * What AWS reports about the private DNS name: verification state and the TXT record to publish. A name
     * verified again is no longer lost.
     */
    public void privateDnsObserved(String state, String txtName, String txtValue, Instant now) {
        if (Objects.equals(state, privateDnsState) && Objects.equals(txtName, privateDnsTxtName)
                && Objects.equals(txtValue, privateDnsTxtValue)) {
            return; // unchanged: keep the version, so an open edit form does not go stale
        }
        if ("verified".equalsIgnoreCase(state)) {
            this.privateDnsLostAt = null;
        }
        this.privateDnsState = state;
        this.privateDnsTxtName = txtName;
        this.privateDnsTxtValue = txtValue;
        this.updatedAt = now;
    }

    /**
     * AWS reports the private DNS name, verified before, as {@code state} now: remember since when, so the service
     * shows a warning until it is verified again.
     */
    public void privateDnsLost(String state, Instant now) {
        this.privateDnsState = state;
        this.privateDnsLostAt = now;
        this.updatedAt = now;
    }

    /** The owners removed the private DNS name; the ModifyService job removes it in AWS. */
    public void privateDnsRemoved(Instant now) {
        this.privateDnsName = null;
        this.privateDnsState = null;
        this.privateDnsTxtName = null;
        this.privateDnsTxtValue = null;
        this.privateDnsLostAt = null;
        this.updatedAt = now;
    }

    /** The owners chose the load balancers the service should have; the ModifyService job applies them in AWS. */
    public void loadBalancersRequested(Set<String> arns, Instant now) {
        this.loadBalancerArns.clear();
        this.loadBalancerArns.addAll(arns);
        this.updatedAt = now;
    }

    /** The zones (IDs) AWS reports the service in, which follow its load balancers; only a change is written. */
    public void zonesObserved(Set<String> zoneIds, Instant now) {
        if (new TreeSet<>(zoneIds).equals(new TreeSet<>(availabilityZoneIds))) {
            return;
        }
        this.availabilityZoneIds.clear();
        this.availabilityZoneIds.addAll(zoneIds);
        this.updatedAt = now;
    }

    /** Linkport-only settings: who may see the service and who approves requests. */
    public void govern(ApprovalPolicy approvalPolicy, Visibility visibility, Set<UUID> visibleTeamIds, Instant now) {
        this.approvalPolicy = approvalPolicy;
        this.visibility = visibility;
        this.visibleTeamIds.clear();
        this.visibleTeamIds.addAll(visibleTeamIds);
        this.updatedAt = now;
    }

    /** What approving a request lets connect from now on; principals already allowed stay until their endpoints go. */
    public void allowOnApproval(PrincipalMode mode, Instant now) {
        if (mode != null && mode != principalMode) {
            this.principalMode = mode;
            this.updatedAt = now;
        }
    }

    /** Whether changes to the service's endpoints wait for approval from now on ({@code null}: as it is). */
    public void approveChanges(ChangeApproval setting, Instant now) {
        if (setting != null && setting != changeApproval) {
            this.changeApproval = setting;
            this.updatedAt = now;
        }
    }

    /** AWS-side settings the owners want; the ModifyService job makes AWS match them. */
    public void reconfigure(boolean acceptanceRequired, Set<String> supportedRegions, Instant now) {
        this.acceptanceRequired = acceptanceRequired;
        this.supportedRegions.clear();
        this.supportedRegions.addAll(supportedRegions);
        this.updatedAt = now;
    }

    /** A change to a live service failed (or succeeded, with {@code null}); the service keeps its state. */
    public void problem(String reason, Instant now) {
        if (Objects.equals(reason, failureReason)) {
            return;
        }
        this.failureReason = reason;
        this.updatedAt = now;
    }

    public void failed(String reason, Instant now) {
        this.failureReason = reason;
        setState(ListingState.FAILED, now);
    }

    public void retrying(Instant now) {
        this.failureReason = null;
        setState(ListingState.PUBLISHING, now);
    }
}
