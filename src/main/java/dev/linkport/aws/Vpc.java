package dev.linkport.aws;

/**
 * A VPC in a consumer account.
 *
 * @param name the VPC's {@code Name} tag, or {@code null}
 */
public record Vpc(String vpcId, String cidrBlock, String state, boolean isDefault, String name) {
}
