package dev.linkport.identity.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Inputs of {@link UserService}. */
public final class UserCommands {

    private UserCommands() {
    }

    public static final int MIN_PASSWORD = 12;

    public record CreateUser(
            @NotBlank(message = "Enter a user name")
            @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,63}$",
                    message = "2 to 64 characters: lower-case letters, digits, '.', '_' and '-'") String username,
            @NotBlank(message = "Enter the person's name")
            @Size(max = 120, message = "At most 120 characters") String displayName,
            @Email(message = "Not an e-mail address") @Size(max = 254, message = "At most 254 characters") String email,
            @NotBlank(message = "Enter an initial password")
            @Size(min = MIN_PASSWORD, max = 200, message = "At least 12 characters") String password,
            boolean platformAdmin) {
    }
}
