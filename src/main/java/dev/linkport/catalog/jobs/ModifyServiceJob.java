package dev.linkport.catalog.jobs;

import dev.linkport.aws.AvailabilityZone;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointService;
import dev.linkport.aws.EndpointServiceChanges;
import dev.linkport.aws.IpAddressType;
import dev.linkport.aws.PrivateDnsConfiguration;
import dev.linkport.catalog.ListingState;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.Step;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * ModifyService: makes the endpoint service configuration match what the owners want (acceptance,
 * supported regions, private DNS name or its removal, network load balancers). Read-then-write: it
 * describes the service, changes only what differs, then stores what AWS reports about the private DNS
 * name (new TXT record, state) and the zones, which follow the load balancers. A re-run after a crash
 * finds nothing left to change.
 */
@Component
class ModifyServiceJob extends ListingJob<ModifyServiceJob.Wanted, Optional<EndpointService>> {

    record Wanted(AwsTarget provider, String serviceId, String homeRegion, boolean acceptanceRequired,
                  Set<String> supportedRegions, String privateDnsName, Set<IpAddressType> supportedIpAddressTypes,
                  Set<String> loadBalancerArns) {

        Wanted(AwsTarget provider, String serviceId, String homeRegion, boolean acceptanceRequired,
               Set<String> supportedRegions, String privateDnsName) {
            this(provider, serviceId, homeRegion, acceptanceRequired, supportedRegions, privateDnsName, null, Set.of());
        }
    }

    ModifyServiceJob(Context context) {
        super(CatalogJobs.MODIFY_SERVICE, context);
    }

    @Override
    protected Wanted load(UUID listingId) {
        return listings.findById(listingId)
                .filter(l -> l.getState() == ListingState.AVAILABLE && l.getAwsServiceId() != null)
                .map(l -> new Wanted(provider(l), l.getAwsServiceId(), l.getRegion(), l.isAcceptanceRequired(),
                        Set.copyOf(l.getSupportedRegions()), l.getPrivateDnsName(), l.getSupportedIpAddressTypes(),
                        Set.copyOf(l.getLoadBalancerArns())))
                .orElse(null);
    }

    /** The service as AWS holds it after the change, or empty when AWS no longer knows it. */
    @Override
    protected Optional<EndpointService> call(Wanted wanted, JobProgress progress) {
        Optional<EndpointService> before = gateway.describeEndpointService(wanted.provider(), wanted.serviceId());
        if (before.isEmpty()) {
            return before;
        }
        EndpointServiceChanges changes = changes(wanted, before.get());
        if (changes.isEmpty()) {
            return before;
        }
        gateway.modifyEndpointService(wanted.provider(), wanted.serviceId(), changes);
        return Optional.of(gateway.describeEndpointService(wanted.provider(), wanted.serviceId()).orElse(before.get()));
    }

    @Override
    protected Step record(UUID listingId, Wanted wanted, Optional<EndpointService> after, JobProgress progress) {
        if (after.isEmpty()) {
            problem(listingId, "AWS no longer knows " + wanted.serviceId());
            return Step.DONE;
        }
        listings.findById(listingId).ifPresent(l -> {
            PrivateDnsConfiguration dns = after.get().privateDnsConfiguration().orElse(null);
            String name = dns == null ? null : dns.name();
            if (Objects.equals(name, l.getPrivateDnsName())) {
                l.privateDnsObserved(dns == null ? null : dns.verificationState(),
                        dns == null ? null : dns.txtRecordName(), dns == null ? null : dns.txtRecordValue(),
                        clock.instant());
            }
            Set<String> zoneIds = new TreeSet<>();
            after.get().availabilityZones().stream().map(AvailabilityZone::id).filter(Objects::nonNull)
                    .forEach(zoneIds::add);
            if (!zoneIds.isEmpty()) {
                l.zonesObserved(zoneIds, clock.instant());
            }
            l.problem(null, clock.instant());
            recordAndShow(l, "SERVICE_MODIFIED", e -> e.change(null, "AWS configuration matches Linkport"
                    + (dns == null ? "" : ", private DNS " + dns.name() + " " + dns.verificationState())
                    + ", load balancers " + new TreeSet<>(after.get().networkLoadBalancerArns())
                    + ", zones " + zoneIds));
        });
        // the owners changed the service again while this run talked to AWS: asking for the job then found it
        // running, so this run goes on with what they want now
        Wanted now = load(listingId);
        return now != null && !now.equals(wanted) ? Step.NEXT : Step.DONE;
    }

    @Override
    protected void failed(UUID listingId, Wanted wanted, String why) {
        problem(listingId, "AWS refused to change the endpoint service: " + why);
    }

    static EndpointServiceChanges changes(Wanted wanted, EndpointService actual) {
        EndpointServiceChanges changes = EndpointServiceChanges.none();
        if (wanted.acceptanceRequired() != actual.acceptanceRequired()) {
            changes = changes.withAcceptanceRequired(wanted.acceptanceRequired());
        }
        Set<String> want = new HashSet<>(wanted.supportedRegions());
        want.remove(wanted.homeRegion());
        Set<String> have = new HashSet<>(actual.supportedRegions());
        have.remove(wanted.homeRegion());
        Set<String> add = new HashSet<>(want);
        add.removeAll(have);
        Set<String> remove = new HashSet<>(have);
        remove.removeAll(want);
        if (!add.isEmpty()) {
            changes = changes.addingSupportedRegions(add.toArray(String[]::new));
        }
        if (!remove.isEmpty()) {
            changes = changes.removingSupportedRegions(remove.toArray(String[]::new));
        }
        if (wanted.supportedIpAddressTypes() != null && !actual.supportedIpAddressTypes().isEmpty()) {
            Set<IpAddressType> addTypes = EnumSet.copyOf(wanted.supportedIpAddressTypes());
            addTypes.removeAll(actual.supportedIpAddressTypes());
            Set<IpAddressType> removeTypes = EnumSet.copyOf(actual.supportedIpAddressTypes());
            removeTypes.removeAll(wanted.supportedIpAddressTypes());
            if (!addTypes.isEmpty()) {
                changes = changes.addingIpAddressTypes(addTypes.toArray(IpAddressType[]::new));
            }
            if (!removeTypes.isEmpty()) {
                changes = changes.removingIpAddressTypes(removeTypes.toArray(IpAddressType[]::new));
            }
        }
        if (!wanted.loadBalancerArns().isEmpty()) { // empty: a job scheduled before load balancers could change
            Set<String> addBalancers = new TreeSet<>(wanted.loadBalancerArns());
            addBalancers.removeAll(actual.networkLoadBalancerArns());
            Set<String> removeBalancers = new TreeSet<>(actual.networkLoadBalancerArns());
            removeBalancers.removeAll(wanted.loadBalancerArns());
            if (!addBalancers.isEmpty()) {
                changes = changes.addingNetworkLoadBalancers(addBalancers.toArray(String[]::new));
            }
            if (!removeBalancers.isEmpty()) {
                changes = changes.removingNetworkLoadBalancers(removeBalancers.toArray(String[]::new));
            }
        }
        String actualName = actual.privateDnsConfiguration().map(PrivateDnsConfiguration::name).orElse(null);
        if (wanted.privateDnsName() != null && !wanted.privateDnsName().equals(actualName)) {
            changes = changes.withPrivateDnsName(wanted.privateDnsName());
        } else if (wanted.privateDnsName() == null && actualName != null) {
            changes = changes.withoutPrivateDnsName();
        }
        return changes;
    }

    private void problem(UUID listingId, String reason) {
        listings.findById(listingId).ifPresent(l -> {
            l.problem(reason, clock.instant());
            recordAndShow(l, "SERVICE_MODIFY_FAILED", e -> e.because(reason));
        });
    }
}
