package dev.linkport.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.aws.Subnet;
import dev.linkport.consumer.service.SubnetsPerZone;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An endpoint takes one subnet per availability zone, compared by zone ID. */
class SubnetsPerZoneTest {

    @Test
    void subnetsInDifferentZonesAreFineAndTwoInOneZoneAreNamedWithTheZone() {
        Subnet a1 = subnet("subnet-0000000000000000a", "us-east-1a", "use1-az4");
        Subnet b = subnet("subnet-0000000000000000b", "us-east-1b", "use1-az6");
        Subnet a2 = subnet("subnet-0000000000000000c", "us-east-1a", "use1-az4");

        assertThat(SubnetsPerZone.conflicts(List.of(a1, b))).isEmpty();
        assertThat(SubnetsPerZone.conflicts(List.of(a1, b, a2))).containsExactly(
                "subnet-0000000000000000a and subnet-0000000000000000c are both in us-east-1a (use1-az4); "
                        + "an endpoint takes one subnet per availability zone");
    }

    private static Subnet subnet(String id, String zone, String zoneId) {
        return new Subnet(id, "vpc-00000000000000001", "10.0.0.0/20", zone, zoneId, null);
    }
}
