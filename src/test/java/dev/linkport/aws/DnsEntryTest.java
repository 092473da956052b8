package dev.linkport.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DNS entries are told apart by the shape AWS gives the names, not by their position in the list. */
class DnsEntryTest {

    private static final String ENDPOINT = "vpce-0a1b2c3d4e5f60718";
    private static final String BASE = ".vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com";

    @Test
    void theNameWithoutAZoneAfterTheSuffixIsRegional() {
        DnsEntry regional = new DnsEntry(ENDPOINT + "-x1y2z3w4" + BASE, "Z7HUB22UULQXV");

        assertThat(regional.classify(ENDPOINT)).isEqualTo(new DnsEntry.Label(DnsNameType.REGIONAL, null));
        assertThat(regional.classify(null)).isEqualTo(new DnsEntry.Label(DnsNameType.REGIONAL, null));
    }

    @Test
    void aNameWithAZoneAfterTheSuffixIsZonalAndCarriesThatZone() {
        DnsEntry zonal = new DnsEntry(ENDPOINT + "-x1y2z3w4-us-east-1a" + BASE, "Z7HUB22UULQXV");
        DnsEntry localZone = new DnsEntry(ENDPOINT + "-x1y2z3w4-us-east-1-bos-1a" + BASE, "Z7HUB22UULQXV");

        assertThat(zonal.classify(ENDPOINT)).isEqualTo(new DnsEntry.Label(DnsNameType.ZONAL, "us-east-1a"));
        assertThat(zonal.classify(null)).isEqualTo(new DnsEntry.Label(DnsNameType.ZONAL, "us-east-1a"));
        assertThat(localZone.classify(ENDPOINT)).isEqualTo(new DnsEntry.Label(DnsNameType.ZONAL, "us-east-1-bos-1a"));
    }

    @Test
    void theServicesOwnNameIsPrivateWhereverAwsListsIt() {
        DnsEntry named = new DnsEntry("api.payments.example.com", "Z0123456789ABCDEFGHIJ");
        DnsEntry underVpce = new DnsEntry("payments.vpce.amazonaws.com.example.com", "Z0123456789ABCDEFGHIJ");
        DnsEntry otherEndpoints = new DnsEntry("vpce-0ffffffffffffffff-abcdefgh" + BASE, "Z7HUB22UULQXV");

        assertThat(named.classify(ENDPOINT).type()).isEqualTo(DnsNameType.PRIVATE);
        assertThat(named.classify(null).type()).isEqualTo(DnsNameType.PRIVATE);
        assertThat(underVpce.classify(null).type()).isEqualTo(DnsNameType.PRIVATE);
        assertThat(otherEndpoints.classify(ENDPOINT).type()).isEqualTo(DnsNameType.PRIVATE);
    }

    @Test
    void dnsRecordTypesFollowAwsRulesForEachIpAddressType() {
        assertThat(DnsRecordIpType.IPV4.fits(IpAddressType.IPV6)).isFalse();
        assertThat(DnsRecordIpType.IPV6.fits(IpAddressType.DUALSTACK)).isTrue();
        assertThat(DnsRecordIpType.SERVICE_DEFINED.fits(IpAddressType.IPV4)).isFalse();
        assertThat(DnsRecordIpType.SERVICE_DEFINED.fits(IpAddressType.DUALSTACK)).isTrue();
        assertThat(IpAddressType.DUALSTACK.serviceTypesNeeded()).containsExactlyInAnyOrder(IpAddressType.IPV4,
                IpAddressType.IPV6);
        Subnet dualStack = new Subnet("subnet-1", "vpc-1", "10.0.0.0/20", "us-east-1a", "use1-az1", null,
                java.util.List.of("2600:1f18:1:100::/64"));
        Subnet ipv6Only = new Subnet("subnet-2", "vpc-1", null, "us-east-1a", "use1-az1", null,
                java.util.List.of("2600:1f18:1:101::/64"));
        Subnet ipv4Only = new Subnet("subnet-3", "vpc-1", "10.0.16.0/20", "us-east-1a", "use1-az1", null);
        assertThat(dualStack.fits(IpAddressType.DUALSTACK)).isTrue();
        assertThat(dualStack.fits(IpAddressType.IPV6)).isFalse();
        assertThat(ipv6Only.fits(IpAddressType.IPV6)).isTrue();
        assertThat(ipv6Only.fits(IpAddressType.IPV4)).isFalse();
        assertThat(ipv4Only.fits(IpAddressType.DUALSTACK)).isFalse();
    }
}
