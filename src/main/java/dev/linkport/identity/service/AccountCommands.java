package dev.linkport.identity.service;

import dev.linkport.platform.AwsIds;
import dev.linkport.platform.OneLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/** Inputs of {@link AccountService}, with the rules the views and the API share. */
public final class AccountCommands {

    private AccountCommands() {
    }

    public record RegisterAccount(
            @NotNull(message = "Choose the team that owns the account") UUID teamId,
            @NotBlank(message = "Enter the 12-digit AWS account id")
            @Pattern(regexp = AwsIds.ACCOUNT_ID, message = AwsIds.ACCOUNT_ID_MESSAGE) String accountId,
            @NotBlank(message = "Enter a name people recognise, e.g. payments-prod")
            @Size(max = 80, message = "At most 80 characters") @OneLine String displayName,
            @NotEmpty(message = "Choose at least one region")
            @Size(max = AwsIds.MAX_REGIONS, message = AwsIds.MAX_REGIONS_MESSAGE)
            Set<@NotNull(message = AwsIds.REGION_MESSAGE)
                @Pattern(regexp = AwsIds.REGION, message = AwsIds.REGION_MESSAGE) String> regions,
            @NotBlank(message = "Enter the ARN of the IAM role Linkport assumes")
            @Pattern(regexp = AwsIds.ROLE_ARN, message = AwsIds.ROLE_ARN_MESSAGE) String roleArn) {
    }

    public record UpdateAccount(
            @NotNull UUID id,
            long version,
            @NotBlank(message = "Enter a name people recognise, e.g. payments-prod")
            @Size(max = 80, message = "At most 80 characters") @OneLine String displayName,
            @NotEmpty(message = "Choose at least one region")
            @Size(max = AwsIds.MAX_REGIONS, message = AwsIds.MAX_REGIONS_MESSAGE)
            Set<@NotNull(message = AwsIds.REGION_MESSAGE)
                @Pattern(regexp = AwsIds.REGION, message = AwsIds.REGION_MESSAGE) String> regions,
            @NotBlank(message = "Enter the ARN of the IAM role Linkport assumes")
            @Pattern(regexp = AwsIds.ROLE_ARN, message = AwsIds.ROLE_ARN_MESSAGE) String roleArn) {
    }
}
