package dev.linkport.identity.service;

import dev.linkport.identity.MembershipRole;
import dev.linkport.platform.FreeText;
import dev.linkport.platform.OneLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Inputs of {@link TeamService}, with the rules the views and the API share. */
public final class TeamCommands {

    private TeamCommands() {
    }

    public static final String TEAM_NAME = "^[a-z][a-z0-9-]{1,39}$";
    public static final String TEAM_NAME_MESSAGE =
            "2 to 40 characters: lower-case letters, digits and '-', starting with a letter";

    public record CreateTeam(
            @NotBlank(message = "Enter a short name, e.g. payments")
            @Pattern(regexp = TEAM_NAME, message = TEAM_NAME_MESSAGE) String name,
            @NotBlank(message = "Enter a display name")
            @Size(max = 120, message = "At most 120 characters") @OneLine String displayName,
            @Size(max = 1000, message = "At most 1000 characters") @FreeText String description,
            boolean provider) {
    }

    public record UpdateTeam(
            @NotNull UUID teamId,
            long version,
            @NotBlank(message = "Enter a display name")
            @Size(max = 120, message = "At most 120 characters") @OneLine String displayName,
            @Size(max = 1000, message = "At most 1000 characters") @FreeText String description,
            boolean provider) {
    }

    public record AddMember(
            @NotNull UUID teamId,
            @NotBlank(message = "Choose a user")
            @Size(max = 64, message = "A user name has at most 64 characters") @OneLine String username,
            @NotNull(message = "Choose a role") MembershipRole role) {
    }
}
