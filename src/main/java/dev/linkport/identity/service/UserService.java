package dev.linkport.identity.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsProperties;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.domain.AppUser;
import dev.linkport.identity.domain.AppUserRepository;
import dev.linkport.identity.domain.TeamMembershipRepository;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.OffsetPage;
import dev.linkport.platform.Validation;
import dev.linkport.platform.LikePatterns;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: who the caller is, the user directory, and local users created by admins. */
@Service
@Transactional
public class UserService {

    private final AppUserRepository users;
    private final TeamMembershipRepository memberships;
    private final AccessPolicy access;
    private final Validation validation;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final AwsProperties aws;
    private final Clock clock;

    public UserService(AppUserRepository users, TeamMembershipRepository memberships, AccessPolicy access,
                       Validation validation, PasswordEncoder passwords, AuditLog audit, AwsProperties aws,
                       Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.access = access;
        this.validation = validation;
        this.passwords = passwords;
        this.audit = audit;
        this.aws = aws;
        this.clock = clock;
    }

    /** A team membership of the signed-in user, for the header. */
    public record MyTeam(UUID teamId, String name, MembershipRole role, boolean provider) {
    }

    /**
     * The signed-in user as the shell needs them.
     *
     * @param approver may see the approval dashboard: a platform admin or a member of a provider team
     * @param sandbox  Linkport runs against the built-in AWS sandbox
     * @param localPassword the user signs in with a Linkport password (and so may change it), not single sign-on
     */
    public record Me(UUID userId, String username, String displayName, boolean admin, boolean approver,
                     List<MyTeam> teams, boolean sandbox, boolean localPassword) {
    }

    /**
     * One user in the directory (for picking members).
     *
     * @param singleSignOn the user signs in through single sign-on (and has no Linkport password)
     */
    public record UserSummary(UUID id, String username, String displayName, String email, boolean admin,
                              boolean enabled, boolean singleSignOn) {
    }

    @Transactional(readOnly = true)
    public Me me() {
        Caller caller = access.caller();
        AppUser user = users.findById(caller.userId()).orElseThrow();
        List<MyTeam> teams = memberships.findByUser(user.getId()).stream()
                .map(m -> new MyTeam(m.getTeam().getId(), m.getTeam().getName(), m.getRole(), m.getTeam().isProvider()))
                .toList();
        boolean approver = caller.admin() || teams.stream().anyMatch(MyTeam::provider);
        return new Me(user.getId(), user.getUsername(), user.getDisplayName(), caller.admin(), approver, teams,
                aws.sandbox(), user.getPasswordHash() != null);
    }

    /**
     * A page of the enabled users whose username, display name or e-mail contains the text (blank:
     * all), by username; any signed-in user may look people up to add them to a team.
     */
    @Transactional(readOnly = true)
    public List<UserSummary> directory(String text, int offset, int limit) {
        access.caller();
        return users.findMatching(LikePatterns.containing(text), false, new OffsetPage(offset, limit, Sort.unsorted())).stream()
                .map(UserService::summary).toList();
    }

    /**
     * A page of the users, disabled ones too, whose username, display name or e-mail contains the
     * text (blank: all), by username (admins only).
     */
    @Transactional(readOnly = true)
    public List<UserSummary> users(String text, int offset, int limit) {
        access.requireAdmin("Only platform admins manage users");
        return users.findMatching(LikePatterns.containing(text), true, new OffsetPage(offset, limit, Sort.unsorted())).stream()
                .map(UserService::summary).toList();
    }

    /** How many users {@link #users} lists for the text (admins only). */
    @Transactional(readOnly = true)
    public long countUsers(String text) {
        access.requireAdmin("Only platform admins manage users");
        return users.countMatching(LikePatterns.containing(text), true);
    }

    /** One user, disabled ones too (admins only). */
    @Transactional(readOnly = true)
    public UserSummary user(UUID id) {
        access.requireAdmin("Only platform admins manage users");
        return users.findById(id).map(UserService::summary)
                .orElseThrow(() -> new NotFoundException("No user with that id"));
    }

    /** Creates a local user who signs in with a password (admins only). */
    public UserSummary create(CreateUser command) {
        access.requireAdmin("Only platform admins create users");
        validation.check(command);
        if (users.findByUsername(command.username()).isPresent()) {
            throw InvalidInputException.of("username", "A user named '" + command.username() + "' already exists");
        }
        AppUser user = users.saveAndFlush(new AppUser(command.username(), command.displayName().trim(),
                blankToNull(command.email()), passwords.encode(command.password()), command.platformAdmin(),
                clock.instant()));
        audit.record(AuditEntry.of("USER_CREATED", "USER", user.getId(), user.getUsername(), null)
                .change(null, command.platformAdmin() ? "platform admin" : "user"));
        return summary(user);
    }

    static UserSummary summary(AppUser u) {
        return new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.isPlatformAdmin(),
                u.isEnabled(), u.isSingleSignOn());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
