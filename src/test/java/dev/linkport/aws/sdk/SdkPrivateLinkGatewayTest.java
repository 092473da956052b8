package dev.linkport.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsProperties;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.DnsEntry;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.InterfaceEndpointRequest;
import dev.linkport.aws.Vpc;
import dev.linkport.aws.ratelimit.FakeTime;
import dev.linkport.aws.sdk.StubAwsServer.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The adapter against a stub AWS that records every HTTP request, so retries, paging and credentials show. */
class SdkPrivateLinkGatewayTest {

    private static final AwsTarget CONSUMER = AwsTarget.system("222222222222", "eu-central-1",
            "arn:aws:iam::222222222222:role/LinkportAccess", "demo-222222222222");

    private final StubAwsServer aws = new StubAwsServer();
    private final FakeTime time = new FakeTime();
    private final SdkPrivateLinkGateway gateway = SdkPrivateLinkGateway.create(
            new AwsProperties(AwsProperties.Mode.AWS, aws.endpoint(), null, null, "eu-central-1",
                    new AwsProperties.Retry(3, Duration.ofMillis(200), Duration.ofSeconds(5)), null, null),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBASE", "base-secret")),
            time, new Random(5));

    @AfterEach
    void stop() {
        gateway.close();
        aws.close();
    }

    @Test
    void theSdkDoesNotRetryOnItsOwnSoEveryAttemptIsOneOfLinkportsCountedAttempts() {
        aws.answer(request -> Answer.ec2Error(503, "RequestLimitExceeded", "Request limit exceeded."));

        assertThatThrownBy(() -> gateway.describeVpcs(CONSUMER))
                .isInstanceOfSatisfying(AwsGatewayException.class, failure -> {
                    assertThat(failure.isTransient()).isTrue();
                    assertThat(failure.errorCode()).contains("RequestLimitExceeded");
                    assertThat(failure.httpStatus()).isEqualTo(503);
                });

        assertThat(aws.requests("DescribeVpcs")).hasSize(3);
        // two backoff delays of Linkport's own; the other waits are the rate budget's (a throttle empties it)
        assertThat(time.sleeps()).filteredOn(delay -> delay.compareTo(Duration.ofMillis(400)) <= 0).hasSize(2);
        assertThat(time.sleeps()).filteredOn(delay -> delay.compareTo(Duration.ofMillis(400)) > 0)
                .allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void aPermanentErrorIsSentOnceAndKeepsAwsCodeAndMessage() {
        aws.answer(request -> Answer.ec2Error(400, "InvalidVpcID.NotFound",
                "The vpc ID 'vpc-0123456789abcdef0' does not exist"));

        assertThatThrownBy(() -> gateway.describeSubnets(CONSUMER, "vpc-0123456789abcdef0"))
                .isInstanceOfSatisfying(AwsGatewayException.class, failure -> {
                    assertThat(failure.isPermanent()).isTrue();
                    assertThat(failure.errorCode()).contains("InvalidVpcID.NotFound");
                    assertThat(failure.awsMessage()).isEqualTo("The vpc ID 'vpc-0123456789abcdef0' does not exist");
                    assertThat(failure.action()).isEqualTo("DescribeSubnets");
                });
        assertThat(aws.requests("DescribeSubnets")).hasSize(1);
    }

    @Test
    void aTransientFailureFollowedBySuccessReturnsTheAnswer() {
        aws.answer(request -> aws.requests("DescribeVpcs").size() == 1
                ? Answer.ec2Error(500, "InternalError", "An internal error has occurred")
                : Answer.ok(vpcs(null, "vpc-1")));

        assertThat(gateway.describeVpcs(CONSUMER)).extracting(Vpc::vpcId).containsExactly("vpc-1");
        assertThat(aws.requests("DescribeVpcs")).hasSize(2);
    }

    @Test
    void everyPageOfADescribeIsRead() {
        aws.answer(request -> request.params().containsKey("NextToken")
                ? Answer.ok(vpcs(null, "vpc-2"))
                : Answer.ok(vpcs("page-2", "vpc-1")));

        assertThat(gateway.describeVpcs(CONSUMER)).extracting(Vpc::vpcId).containsExactly("vpc-1", "vpc-2");
        assertThat(aws.requests("DescribeVpcs")).extracting(request -> request.params().get("NextToken"))
                .containsExactly(null, "page-2");
    }

    @Test
    void subnetsAndSecurityGroupsAreFilteredByVpcOnAwsSide() {
        aws.answer(request -> Answer.ok("<" + request.action() + "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>r</requestId></" + request.action() + "Response>"));

        gateway.describeSubnets(CONSUMER, "vpc-1");
        gateway.describeSecurityGroups(CONSUMER, "vpc-1");

        assertThat(aws.requests("DescribeSubnets").getFirst().params())
                .containsEntry("Filter.1.Name", "vpc-id").containsEntry("Filter.1.Value.1", "vpc-1");
        assertThat(aws.requests("DescribeSecurityGroups").getFirst().params())
                .containsEntry("Filter.1.Name", "vpc-id").containsEntry("Filter.1.Value.1", "vpc-1");
    }

    @Test
    void theTeamRoleIsAssumedWithItsExternalIdOncePerSessionAndNamesTheActingUser() {
        aws.answer(request -> Answer.ok(vpcs(null, "vpc-1")));

        gateway.describeVpcs(CONSUMER);
        gateway.describeVpcs(CONSUMER);
        gateway.describeVpcs(CONSUMER.actingFor("alice@example.com (Team Blue)"));

        assertThat(aws.requests("AssumeRole")).hasSize(2).allSatisfy(assume -> {
            assertThat(assume.params()).containsEntry("RoleArn", CONSUMER.roleArn())
                    .containsEntry("ExternalId", "demo-222222222222");
            assertThat(assume.authorization()).contains("Credential=AKIDBASE/");
        });
        assertThat(aws.requests("AssumeRole")).extracting(assume -> assume.params().get("RoleSessionName"))
                .containsExactly("linkport", "linkport.alice@example.com--Team-Blue-");
        assertThat(aws.requests("DescribeVpcs")).hasSize(3).allSatisfy(call -> {
            assertThat(call.authorization()).contains("Credential=ASIASTUB222222222222/");
            assertThat(call.securityToken()).isEqualTo(StubAwsServer.SESSION_TOKEN);
        });
    }

    @Test
    void anInterfaceEndpointIsCreatedWithClientTokenAndReportedWithAwsStateSpelling() {
        aws.answer(request -> Answer.ok("<CreateVpcEndpointResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>r</requestId>" + endpointXml("vpcEndpoint") + "<clientToken>request-42</clientToken>"
                + "</CreateVpcEndpointResponse>"));

        InterfaceEndpoint endpoint = gateway.createInterfaceEndpoint(CONSUMER, new InterfaceEndpointRequest(
                "request-42", "vpc-1", "com.amazonaws.vpce.eu-central-1.vpce-svc-0abc", List.of("subnet-1", "subnet-2"),
                List.of("sg-1"), true, null));

        assertThat(aws.requests("CreateVpcEndpoint").getFirst().params())
                .containsEntry("ClientToken", "request-42")
                .containsEntry("VpcEndpointType", "Interface")
                .containsEntry("VpcId", "vpc-1")
                .containsEntry("SubnetId.1", "subnet-1")
                .containsEntry("SubnetId.2", "subnet-2")
                .containsEntry("SecurityGroupId.1", "sg-1")
                .containsEntry("PrivateDnsEnabled", "true")
                .doesNotContainKey("ServiceRegion");
        assertThat(endpoint.state()).isEqualTo("pendingAcceptance");
        assertThat(endpoint.pendingAcceptance()).isTrue();
        assertThat(endpoint.subnetIds()).containsExactly("subnet-1");
        assertThat(endpoint.securityGroupIds()).containsExactly("sg-1");
        assertThat(endpoint.dnsEntries()).containsExactly(new DnsEntry(
                "vpce-0abc-1.vpce-svc-0abc.eu-central-1.vpce.amazonaws.com", "Z273ZU8SZ5RJPC"));
        assertThat(endpoint.createdAt()).isEqualTo(Instant.parse("2026-11-26T07:00:00Z"));
        assertThat(endpoint.lastError()).isEqualTo(new InterfaceEndpoint.LastError("SomeCode", "Something failed"));
    }

    @Test
    void anUnknownEndpointAmongSeveralIsLeftOut() {
        aws.answer(request -> {
            if (request.params().containsValue("vpce-0123456789abcdef0")) {
                return Answer.ec2Error(400, "InvalidVpcEndpointId.NotFound",
                        "The VpcEndpoint Id 'vpce-0123456789abcdef0' does not exist");
            }
            return Answer.ok("<DescribeVpcEndpointsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                    + "<requestId>r</requestId><vpcEndpointSet>" + endpointXml("item") + "</vpcEndpointSet>"
                    + "</DescribeVpcEndpointsResponse>");
        });

        assertThat(gateway.describeInterfaceEndpoints(CONSUMER, List.of("vpce-0abc", "vpce-0123456789abcdef0")))
                .extracting(InterfaceEndpoint::endpointId).containsExactly("vpce-0abc");
        assertThat(gateway.describeInterfaceEndpoint(CONSUMER, "vpce-0123456789abcdef0")).isEmpty();
    }

    @Test
    void aCrossRegionServiceIsLookedUpInItsOwnRegion() {
        aws.answer(request -> Answer.ec2Error(400, "InvalidServiceName", "The Vpc Endpoint Service does not exist"));

        assertThat(gateway.describeServiceOffer(CONSUMER, "com.amazonaws.vpce.us-east-1.vpce-svc-0abc")).isEmpty();

        assertThat(aws.requests("DescribeVpcEndpointServices").getFirst().params())
                .containsEntry("ServiceName.1", "com.amazonaws.vpce.us-east-1.vpce-svc-0abc")
                .containsEntry("ServiceRegion.1", "us-east-1");
    }

    private static String vpcs(String nextToken, String vpcId) {
        return "<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId>"
                + "<vpcSet><item><vpcId>" + vpcId + "</vpcId><cidrBlock>10.0.0.0/16</cidrBlock><state>available</state>"
                + "<isDefault>false</isDefault></item></vpcSet>"
                + (nextToken == null ? "" : "<nextToken>" + nextToken + "</nextToken>")
                + "</DescribeVpcsResponse>";
    }

    private static String endpointXml(String element) {
        return "<" + element + "><vpcEndpointId>vpce-0abc</vpcEndpointId><vpcEndpointType>Interface</vpcEndpointType>"
                + "<vpcId>vpc-1</vpcId><serviceName>com.amazonaws.vpce.eu-central-1.vpce-svc-0abc</serviceName>"
                + "<state>pendingAcceptance</state><subnetIdSet><item>subnet-1</item></subnetIdSet>"
                + "<groupSet><item><groupId>sg-1</groupId><groupName>endpoints</groupName></item></groupSet>"
                + "<privateDnsEnabled>true</privateDnsEnabled>"
                + "<dnsEntrySet><item><dnsName>vpce-0abc-1.vpce-svc-0abc.eu-central-1.vpce.amazonaws.com</dnsName>"
                + "<hostedZoneId>Z273ZU8SZ5RJPC</hostedZoneId></item></dnsEntrySet>"
                + "<creationTimestamp>2026-11-26T07:00:00.000Z</creationTimestamp>"
                + "<lastError><code>SomeCode</code><message>Something failed</message></lastError>"
                + "</" + element + ">";
    }
}
