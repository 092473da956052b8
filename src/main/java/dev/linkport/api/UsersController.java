package dev.linkport.api;

import dev.linkport.api.Pages.Page;
import dev.linkport.identity.ApiScope;
import dev.linkport.identity.service.UserAccountService;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.identity.service.UserService.UserSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The people who use Linkport; platform admins only. */
@RestController
@RequestMapping(path = "/api/v1/users", produces = "application/json")
@Tag(name = "Users", description = "Users (platform admins): find them, create local users, disable and enable them, "
        + "reset passwords")
class UsersController {

    /**
     * A user. {@code admin}: a platform admin; {@code enabled}: may sign in; {@code singleSignOn}: signs in through
     * the company's identity provider and has no Linkport password.
     */
    record User(UUID id, String username, String displayName, String email, boolean admin, boolean enabled,
                boolean singleSignOn) {

        static User of(UserSummary u) {
            return new User(u.id(), u.username(), u.displayName(), u.email(), u.admin(), u.enabled(),
                    u.singleSignOn());
        }
    }

    /** A new password for a local user. */
    record NewPassword(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "at least 12 characters")
                       String newPassword) {
    }

    /** A local user, who signs in with a password. */
    record NewUser(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "alice") String username,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Alice Andersson") String displayName,
            String email,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the initial password, at least 12 "
                    + "characters") String password,
            @Schema(description = "default false") Boolean platformAdmin) {
    }

    private final UserService users;
    private final UserAccountService accounts;

    UsersController(UserService users, UserAccountService accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "Users, disabled ones too, by username (platform admins)",
            description = "q matches part of a username, display name or e-mail. Pages count from 0.")
    Page<User> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        Pages.checkQuery(q);
        return new Page<>(users.users(q, Pages.offset(page, size), size).stream().map(User::of).toList(), page, size,
                users.countUsers(q));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user (platform admins)")
    User user(@PathVariable UUID id) {
        return User.of(users.user(id));
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @NeedsScope(ApiScope.ADMIN)
    @Operation(summary = "Create a local user who signs in with a password (platform admins)")
    ResponseEntity<User> create(@RequestBody NewUser body) {
        User created = User.of(users.create(new CreateUser(body.username(), body.displayName(), body.email(),
                body.password(), Boolean.TRUE.equals(body.platformAdmin()))));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    @PostMapping("/{id}/disable")
    @NeedsScope(ApiScope.ADMIN)
    @Operation(summary = "Disable a user (platform admins): they cannot sign in, their API tokens are revoked and "
            + "their open sessions end", description = "Disabling a disabled user changes nothing; nobody disables "
            + "themselves (409).")
    User disable(@PathVariable UUID id) {
        return User.of(accounts.disable(id));
    }

    @PostMapping("/{id}/enable")
    @NeedsScope(ApiScope.ADMIN)
    @Operation(summary = "Let a disabled user sign in again (platform admins); revoked API tokens stay revoked")
    User enable(@PathVariable UUID id) {
        return User.of(accounts.enable(id));
    }

    @PostMapping(path = "/{id}/password", consumes = "application/json")
    @NeedsScope(ApiScope.ADMIN)
    @Operation(summary = "Give a local user a new password (platform admins)",
            description = "409 for a user who signs in through single sign-on.")
    User resetPassword(@PathVariable UUID id, @RequestBody NewPassword body) {
        return User.of(accounts.resetPassword(id, body.newPassword()));
    }
}
