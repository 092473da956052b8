package dev.linkport.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsGatewayException.Kind;
import dev.linkport.aws.AwsTarget;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.sts.model.StsException;

class AwsErrorClassifierTest {

    private static final AwsTarget TARGET = AwsTarget.system("222222222222", "eu-central-1",
            "arn:aws:iam::222222222222:role/LinkportAccess", "demo-222222222222");

    @ParameterizedTest(name = "{0} with HTTP {1} is {2}")
    @CsvSource({
            "RequestLimitExceeded, 503, TRANSIENT",
            "Throttling, 400, TRANSIENT",
            "ThrottlingException, 400, TRANSIENT",
            "InternalError, 500, TRANSIENT",
            "ServiceUnavailable, 503, TRANSIENT",
            "Unavailable, 503, TRANSIENT",
            "SomethingNew, 502, TRANSIENT",
            "TooManyRequestsException, 429, TRANSIENT",
            "InvalidVpcId.NotFound, 400, PERMANENT",
            "InvalidSubnetID.NotFound, 400, PERMANENT",
            "InvalidServiceName, 400, PERMANENT",
            "InvalidParameter, 400, PERMANENT",
            "InvalidParameterValue, 400, PERMANENT",
            "InvalidParameterCombination, 400, PERMANENT",
            "UnauthorizedOperation, 403, PERMANENT",
            "IdempotentParameterMismatch, 400, PERMANENT",
            "AccessDenied, 403, PERMANENT",
            "AuthFailure, 401, PERMANENT",
            "NotImplemented, 501, PERMANENT",
    })
    void awsErrorCodesAreClassifiedAsTransientOrPermanent(String code, int status, Kind expected) {
        Ec2Exception answer = (Ec2Exception) Ec2Exception.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("AWS says " + code).build())
                .statusCode(status)
                .build();

        AwsGatewayException failure = AwsErrorClassifier.classify(answer, TARGET, "CreateVpcEndpoint");

        assertThat(failure.kind()).isEqualTo(expected);
        assertThat(failure.errorCode()).contains(code);
        assertThat(failure.awsMessage()).isEqualTo("AWS says " + code);
        assertThat(failure.httpStatus()).isEqualTo(status);
    }

    @Test
    void theFailureNamesAccountRegionActionAndKeepsAwsMessage() {
        Ec2Exception answer = (Ec2Exception) Ec2Exception.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidVpcId.NotFound")
                        .errorMessage("The vpc ID 'vpc-0abc' does not exist").build())
                .statusCode(400)
                .build();

        AwsGatewayException failure = AwsErrorClassifier.classify(answer, TARGET, "CreateVpcEndpoint");

        assertThat(failure.accountId()).isEqualTo("222222222222");
        assertThat(failure.region()).isEqualTo("eu-central-1");
        assertThat(failure.action()).isEqualTo("CreateVpcEndpoint");
        assertThat(failure.isPermanent()).isTrue();
        assertThat(failure).hasMessageContaining("CreateVpcEndpoint")
                .hasMessageContaining("222222222222")
                .hasMessageContaining("eu-central-1")
                .hasMessageContaining("InvalidVpcId.NotFound")
                .hasMessageContaining("The vpc ID 'vpc-0abc' does not exist")
                .hasCause(answer);
    }

    @Test
    void anAccessDeniedFromAssumeRoleInsideACredentialLookupIsPermanent() {
        StsException denied = (StsException) StsException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied")
                        .errorMessage("not authorized to perform sts:AssumeRole").build())
                .statusCode(403)
                .build();
        SdkClientException wrapped = SdkClientException.builder().message("Unable to load credentials")
                .cause(denied).build();

        AwsGatewayException failure = AwsErrorClassifier.classify(wrapped, TARGET, "DescribeVpcs");

        assertThat(failure.isPermanent()).isTrue();
        assertThat(failure.errorCode()).contains("AccessDenied");
    }

    @Test
    void ioErrorsAndTimeoutsWithoutAnAwsAnswerAreTransient() {
        SdkClientException io = SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(new SocketTimeoutException("Read timed out")).build();
        ApiCallAttemptTimeoutException timeout = ApiCallAttemptTimeoutException.create(30_000);

        assertThat(AwsErrorClassifier.classify(io, TARGET, "DescribeVpcs").isTransient()).isTrue();
        assertThat(AwsErrorClassifier.classify(io, TARGET, "DescribeVpcs").errorCode()).isEmpty();
        assertThat(AwsErrorClassifier.classify(timeout, TARGET, "DescribeVpcs").isTransient()).isTrue();
        assertThat(AwsErrorClassifier.classify(new java.io.UncheckedIOException(new IOException("reset")), TARGET,
                "DescribeVpcs").isTransient()).isTrue();
    }

    @Test
    void aClientSideMisconfigurationIsPermanent() {
        SdkClientException noCredentials = SdkClientException.builder()
                .message("Unable to load credentials from any of the providers in the chain").build();

        assertThat(AwsErrorClassifier.classify(noCredentials, TARGET, "DescribeVpcs").isPermanent()).isTrue();
    }

    @Test
    void anAssumeRoleRefusalMetOnTheWayToAnotherCallIsReportedAsAssumeRoleNotAsAMissingPermission() {
        StsException sts = (StsException) StsException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("User: "
                        + "arn:aws:iam::000000000000:root is not authorized to perform: sts:AssumeRole on resource: "
                        + TARGET.roleArn()).build())
                .statusCode(403).build();
        SdkClientException wrapped = SdkClientException.builder().message("Unable to load credentials").cause(sts)
                .build();

        AwsGatewayException failure = AwsErrorClassifier.classify(wrapped, TARGET, "DescribeVpcs");

        assertThat(failure.action()).isEqualTo(AwsGatewayException.ASSUME_ROLE);
        assertThat(failure.assumeRoleDenied()).isTrue();
        assertThat(failure.isPermanent()).isTrue();
        assertThat(failure.deniedPrincipal()).contains("arn:aws:iam::000000000000:root");
        assertThat(failure.deniedPermission()).contains("sts:AssumeRole");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "UnauthorizedOperation | You are not authorized to perform this operation. User: arn:aws:sts::222222222222:assumed-role/LinkportAccess/linkport is not authorized to perform: ec2:DescribeVpcEndpoints because no identity-based policy allows the ec2:DescribeVpcEndpoints action | ec2:DescribeVpcEndpoints",
            "AccessDenied | User: arn:aws:sts::222222222222:assumed-role/LinkportAccess/linkport is not authorized to perform: elasticloadbalancing:DescribeLoadBalancers | elasticloadbalancing:DescribeLoadBalancers",
            "UnauthorizedOperation | You are not authorized to perform this operation. | ",
    })
    void aDeniedReadNamesThePermissionWhenAwsDoes(String code, String message, String permission) {
        Ec2Exception answer = (Ec2Exception) Ec2Exception.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .statusCode(403).build();

        AwsGatewayException failure = AwsErrorClassifier.classify(answer, TARGET, "DescribeVpcEndpoints");

        assertThat(failure.accessDenied()).isTrue();
        assertThat(failure.assumeRoleDenied()).isFalse();
        assertThat(failure.action()).isEqualTo("DescribeVpcEndpoints");
        assertThat(failure.deniedPermission().orElse(null)).isEqualTo(permission);
    }
}
