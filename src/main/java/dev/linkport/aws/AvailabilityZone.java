package dev.linkport.aws;

/**
 * An Availability Zone as one account sees it. Names ({@code us-east-1a}) map to physical zones differently
 * per account; the zone ID ({@code use1-az4}) is the same everywhere, so compare zones across accounts by ID.
 *
 * @param name the account-specific zone name
 * @param id   the zone ID, or {@code null} if it could not be resolved
 */
public record AvailabilityZone(String name, String id) {
}
