package dev.linkport.platform;

import java.util.List;

/**
 * Shapes of AWS identifiers, as compile-time constants so that Bean Validation annotations on
 * commands (used by both the views and the REST API) share them.
 */
public final class AwsIds {

    public static final String ACCOUNT_ID = "^[0-9]{12}$";
    public static final String ACCOUNT_ID_MESSAGE = "An AWS account id is exactly 12 digits, e.g. 111122223333";

    public static final String REGION = "^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$";
    public static final String REGION_MESSAGE = "Not an AWS region code; use the form us-east-1";

    /** The most regions one list (an account's, a service's supported regions) names; AWS has fewer. */
    public static final int MAX_REGIONS = 50;
    public static final String MAX_REGIONS_MESSAGE = "At most " + MAX_REGIONS + " regions";

    /** Role ARN; group 2 is the account id. */
    public static final String ROLE_ARN = "^arn:(aws|aws-cn|aws-us-gov):iam::([0-9]{12}):role/[\\w+=,.@/-]{1,512}$";
    public static final String ROLE_ARN_MESSAGE =
            "An IAM role ARN looks like arn:aws:iam::111122223333:role/LinkportAccess";

    /** Regions a team may pick for its accounts. Validation accepts any well-formed code. */
    public static final List<String> KNOWN_REGIONS = List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "ca-central-1", "ca-west-1", "sa-east-1", "mx-central-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2",
            "eu-north-1", "eu-south-1", "eu-south-2",
            "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
            "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ap-northeast-1", "ap-northeast-2",
            "ap-northeast-3", "ap-east-1", "me-south-1", "me-central-1", "il-central-1", "af-south-1",
            "us-gov-west-1", "us-gov-east-1");

    private AwsIds() {
    }

    /**
     * The AWS partition a region belongs to, as ARNs name it: {@code aws-cn} for {@code cn-*},
     * {@code aws-us-gov} for {@code us-gov-*}, {@code aws-iso}/{@code aws-iso-b} for the isolated regions,
     * {@code aws} for every other region.
     */
    public static String partitionOf(String region) {
        if (region == null) {
            return "aws";
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return "aws";
    }

    /** An account's root principal in the region's partition, e.g. {@code arn:aws-cn:iam::111122223333:root}. */
    public static String accountRoot(String accountId, String region) {
        return "arn:" + partitionOf(region) + ":iam::" + accountId + ":root";
    }

    /** The partition named by an ARN ({@code arn:<partition>:…}), or null when it is not an ARN. */
    public static String partitionOfArn(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        int end = arn.indexOf(':', 4);
        return end < 0 ? null : arn.substring(4, end);
    }

    /** The account id inside a role ARN, or null when the ARN is malformed. */
    public static String accountOfRoleArn(String roleArn) {
        if (roleArn == null) {
            return null;
        }
        var matcher = java.util.regex.Pattern.compile(ROLE_ARN).matcher(roleArn.trim());
        return matcher.matches() ? matcher.group(2) : null;
    }
}
