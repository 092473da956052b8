package dev.linkport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsIdsPartitionTest {

    @ParameterizedTest(name = "{0} is in partition {1}")
    @CsvSource({
            "us-east-1, aws", "eu-west-1, aws", "ap-southeast-2, aws", "cn-north-1, aws-cn", "cn-northwest-1, aws-cn",
            "us-gov-west-1, aws-us-gov", "us-gov-east-1, aws-us-gov", "us-iso-east-1, aws-iso",
            "us-isob-east-1, aws-iso-b"})
    void aRegionBelongsToOnePartitionAndItsAccountRootsAreNamedInIt(String region, String partition) {
        assertThat(AwsIds.partitionOf(region)).isEqualTo(partition);
        assertThat(AwsIds.accountRoot("111122223333", region)).isEqualTo("arn:" + partition + ":iam::111122223333:root");
        assertThat(AwsIds.partitionOfArn(AwsIds.accountRoot("111122223333", region))).isEqualTo(partition);
    }
}
