package dev.linkport.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterfaceEndpointChangesTest {

    private final InterfaceEndpoint actual = new InterfaceEndpoint("vpce-0123456789abcdef0", "available",
            "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", "vpc-0123456789abcdef0",
            List.of("subnet-a", "subnet-b"), List.of("sg-1"), false, List.of(), null, null, Map.of());

    @Test
    void onlyWhatDiffersFromWhatAwsHoldsIsChanged() {
        InterfaceEndpointChanges changes = InterfaceEndpointChanges.toReach(actual, List.of("subnet-b", "subnet-c"),
                List.of("sg-1", "sg-2"), true);

        assertThat(changes.addSubnetIds()).containsExactly("subnet-c");
        assertThat(changes.removeSubnetIds()).containsExactly("subnet-a");
        assertThat(changes.addSecurityGroupIds()).containsExactly("sg-2");
        assertThat(changes.removeSecurityGroupIds()).isEmpty();
        assertThat(changes.privateDnsEnabled()).isTrue();
        assertThat(changes.isEmpty()).isFalse();
    }

    @Test
    void whatAwsAlreadyHoldsAndWishesLeftOpenChangeNothing() {
        assertThat(InterfaceEndpointChanges.toReach(actual, List.of("subnet-b", "subnet-a"), List.of("sg-1"), false)
                .isEmpty()).isTrue();
        assertThat(InterfaceEndpointChanges.toReach(actual, null, null, null).isEmpty()).isTrue();
    }
}
