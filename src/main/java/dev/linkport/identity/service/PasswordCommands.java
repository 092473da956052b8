package dev.linkport.identity.service;

import dev.linkport.platform.Utf8Length;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Inputs of {@link UserAccountService}'s password operations, with the rules forms and the API show per field. */
public final class PasswordCommands {

    private PasswordCommands() {
    }

    public record ChangeOwnPassword(
            @NotBlank(message = "Enter your current password")
            @Utf8Length(max = UserCommands.MAX_PASSWORD_BYTES, message = "Not your current password")
            String currentPassword,
            @NotBlank(message = "Enter a new password")
            @Size(min = UserCommands.MIN_PASSWORD, message = "12 to 72 characters")
            @Utf8Length(max = UserCommands.MAX_PASSWORD_BYTES, message = UserCommands.MAX_PASSWORD_MESSAGE)
            String newPassword) {
    }

    public record ResetPassword(
            @NotBlank(message = "Enter a new password")
            @Size(min = UserCommands.MIN_PASSWORD, message = "12 to 72 characters")
            @Utf8Length(max = UserCommands.MAX_PASSWORD_BYTES, message = UserCommands.MAX_PASSWORD_MESSAGE)
            String newPassword) {
    }
}
