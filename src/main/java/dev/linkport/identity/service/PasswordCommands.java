package dev.linkport.identity.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Inputs of {@link UserAccountService}'s password operations, with the rules forms and the API show per field. */
public final class PasswordCommands {

    private PasswordCommands() {
    }

    public record ChangeOwnPassword(
            @NotBlank(message = "Enter your current password") String currentPassword,
            @NotBlank(message = "Enter a new password")
            @Size(min = UserCommands.MIN_PASSWORD, max = 200, message = "12 to 200 characters") String newPassword) {
    }

    public record ResetPassword(
            @NotBlank(message = "Enter a new password")
            @Size(min = UserCommands.MIN_PASSWORD, max = 200, message = "12 to 200 characters") String newPassword) {
    }
}
