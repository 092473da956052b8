package dev.linkport.aws;

/** A security group of a VPC. */
public record SecurityGroup(String groupId, String groupName, String description, String vpcId) {
}
