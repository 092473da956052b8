package dev.linkport.identity.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.identity.domain.ApiTokenRepository;
import dev.linkport.identity.domain.AppUser;
import dev.linkport.identity.domain.AppUserRepository;
import dev.linkport.identity.service.PasswordCommands.ChangeOwnPassword;
import dev.linkport.identity.service.PasswordCommands.ResetPassword;
import dev.linkport.identity.service.UserService.UserSummary;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.Validation;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's access to Linkport: their own password, and what platform admins do about other people's — reset a
 * password, disable and enable a user. A disabled user cannot sign in (password, single sign-on or API token), their
 * API tokens are revoked, and their open browser sessions end on their next request ({@link EnabledUsers}). Every
 * change is audited.
 */
@Service
@Transactional
public class UserAccountService {

    private final AppUserRepository users;
    private final ApiTokenRepository tokens;
    private final AccessPolicy access;
    private final Validation validation;
    private final PasswordEncoder passwords;
    private final EnabledUsers enabledUsers;
    private final AuditLog audit;
    private final Clock clock;

    public UserAccountService(AppUserRepository users, ApiTokenRepository tokens, AccessPolicy access,
                              Validation validation, PasswordEncoder passwords, EnabledUsers enabledUsers,
                              AuditLog audit, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.access = access;
        this.validation = validation;
        this.passwords = passwords;
        this.enabledUsers = enabledUsers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Changes the signed-in user's password. Only for local users (single sign-on users change it at their identity
     * provider); the current password must be given, the new one must follow the password rules and differ from it.
     *
     * @throws InvalidInputException on {@code currentPassword} (missing or wrong) or {@code newPassword} (rules)
     * @throws ConflictException     for a user who signs in through single sign-on
     */
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Caller caller = access.caller();
        validation.check(new ChangeOwnPassword(currentPassword, newPassword));
        AppUser user = users.findById(caller.userId()).orElseThrow();
        if (user.getPasswordHash() == null) {
            throw new ConflictException("You sign in through single sign-on: change your password at your identity "
                    + "provider");
        }
        if (!passwords.matches(currentPassword, user.getPasswordHash())) {
            throw InvalidInputException.of("currentPassword", "This is not your current password");
        }
        if (currentPassword.equals(newPassword)) {
            throw InvalidInputException.of("newPassword", "Choose a password different from the current one");
        }
        user.setPasswordHash(passwords.encode(newPassword));
        users.flush();
        audit.record(AuditEntry.of("USER_PASSWORD_CHANGED", "USER", user.getId(), user.getUsername(), null)
                .because("changed by the user"));
    }

    /**
     * Gives a local user a new password (platform admins only), e.g. when they forgot theirs; tell them to change it.
     *
     * @throws InvalidInputException on {@code newPassword} (rules)
     * @throws NotFoundException     no such user
     * @throws ConflictException     the user signs in through single sign-on and has no Linkport password
     */
    public UserSummary resetPassword(UUID userId, String newPassword) {
        access.requireAdmin("Only platform admins reset passwords");
        validation.check(new ResetPassword(newPassword));
        AppUser user = user(userId);
        if (user.isSingleSignOn()) {
            throw new ConflictException(user.getUsername() + " signs in through single sign-on and has no Linkport "
                    + "password");
        }
        user.setPasswordHash(passwords.encode(newPassword));
        users.flush();
        audit.record(AuditEntry.of("USER_PASSWORD_RESET", "USER", user.getId(), user.getUsername(), null)
                .because("reset by a platform admin"));
        return UserService.summary(user);
    }

    /**
     * Disables a user (platform admins only): they can no longer sign in in any way, their active API tokens are
     * revoked, and their open browser sessions end on their next request. Disabling a disabled user changes nothing.
     *
     * @throws NotFoundException no such user
     * @throws ConflictException the caller tried to disable themselves
     */
    public UserSummary disable(UUID userId) {
        Caller caller = access.requireAdmin("Only platform admins disable users");
        AppUser user = user(userId);
        if (user.getId().equals(caller.userId())) {
            throw new ConflictException("You cannot disable yourself; ask another platform admin");
        }
        if (!user.isEnabled()) {
            return UserService.summary(user);
        }
        user.setEnabled(false);
        users.flush();
        int revoked = tokens.revokeAllOf(user.getId(), clock.instant());
        audit.record(AuditEntry.of("USER_DISABLED", "USER", user.getId(), user.getUsername(), null)
                .change("enabled", "disabled" + (revoked > 0 ? ", " + revoked + " API token(s) revoked" : "")));
        forgetAfterCommit(user.getId());
        return UserService.summary(users.findById(userId).orElseThrow());
    }

    /**
     * Lets a disabled user sign in again (platform admins only). Their revoked API tokens stay revoked. Enabling an
     * enabled user changes nothing.
     *
     * @throws NotFoundException no such user
     */
    public UserSummary enable(UUID userId) {
        access.requireAdmin("Only platform admins enable users");
        AppUser user = user(userId);
        if (user.isEnabled()) {
            return UserService.summary(user);
        }
        user.setEnabled(true);
        users.flush();
        audit.record(AuditEntry.of("USER_ENABLED", "USER", user.getId(), user.getUsername(), null)
                .change("disabled", "enabled"));
        forgetAfterCommit(user.getId());
        return UserService.summary(user);
    }

    private AppUser user(UUID userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("No such user"));
    }

    /** This instance's sessions of the user see the change on their next request, not a few seconds later. */
    private void forgetAfterCommit(UUID userId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                enabledUsers.forget(userId);
            }
        });
    }
}
