package dev.linkport.identity.service;

import dev.linkport.platform.OneLine;
import dev.linkport.platform.Utf8Length;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Inputs of {@link UserService}. */
public final class UserCommands {

    private UserCommands() {
    }

    public static final int MIN_PASSWORD = 12;
    /** BCrypt reads at most 72 bytes of a password (and refuses longer ones): about 72 letters, fewer accented ones. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final String MAX_PASSWORD_MESSAGE = "12 to 72 characters (accented letters and symbols count as two or more)";

    public record CreateUser(
            @NotBlank(message = "Enter a user name")
            @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,63}$",
                    message = "2 to 64 characters: lower-case letters, digits, '.', '_' and '-'") String username,
            @NotBlank(message = "Enter the person's name")
            @Size(max = 120, message = "At most 120 characters") @OneLine String displayName,
            @Email(message = "Not an e-mail address") @Size(max = 254, message = "At most 254 characters") @OneLine
            String email,
            @NotBlank(message = "Enter an initial password")
            @Size(min = MIN_PASSWORD, message = "At least 12 characters")
            @Utf8Length(max = MAX_PASSWORD_BYTES, message = MAX_PASSWORD_MESSAGE) String password,
            boolean platformAdmin) {
    }
}
