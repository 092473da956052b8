package dev.linkport.provider.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A principal to allow on a service: an account root, an IAM role or user ARN, or {@code *}.
 * {@code *} lets anyone in any AWS account connect, so it needs {@code confirmWildcard}.
 */
public record AddPrincipal(
        @NotBlank(message = "Give the principal's ARN")
        @Pattern(regexp = AddPrincipal.PRINCIPAL, message = AddPrincipal.PRINCIPAL_MESSAGE)
        String arn,
        boolean confirmWildcard) {

    /** Account root, role or user ARN (any partition), or {@code *}. */
    public static final String PRINCIPAL = "^\\s*(\\*|arn:(aws|aws-cn|aws-us-gov):iam::[0-9]{12}:"
            + "(root|role/[\\w+=,.@/-]{1,512}|user/[\\w+=,.@/-]{1,512}))\\s*$";
    public static final String PRINCIPAL_MESSAGE = "Use an account root (arn:aws:iam::111122223333:root), "
            + "a role or user ARN (arn:aws:iam::111122223333:role/Name), or *";
    public static final String WILDCARD = "*";
    public static final String WILDCARD_WARNING =
            "* allows anyone in any AWS account to connect to this service; confirm that this is what you want";
}
