package dev.linkport.aws;

/**
 * A principal that AWS lets create endpoints to a service (one of the service's permissions).
 *
 * @param principal     an ARN ({@code arn:aws:iam::123456789012:root}, a role or user ARN) or {@code *}
 * @param principalType AWS's type string: {@code All}, {@code Service}, {@code OrganizationUnit},
 *                      {@code Account}, {@code User}, {@code Role}; may be {@code null}
 */
public record PermittedPrincipal(String principal, String principalType) {
}
