package dev.linkport.identity.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.domain.AppUser;
import dev.linkport.identity.domain.AppUserRepository;
import dev.linkport.identity.domain.AwsAccountRepository;
import dev.linkport.identity.domain.MembershipSource;
import dev.linkport.identity.domain.Team;
import dev.linkport.identity.domain.TeamMembership;
import dev.linkport.identity.domain.TeamMembershipRepository;
import dev.linkport.identity.domain.TeamRepository;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamCommands.UpdateTeam;
import dev.linkport.identity.service.TeamViews.Member;
import dev.linkport.identity.service.TeamViews.TeamRow;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.platform.TextRules;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.OffsetPage;
import dev.linkport.platform.StaleEditException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.LikePatterns;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams and their members. Admins create and edit teams; admins and team owners manage members. */
@Service
@Transactional
public class TeamService {

    private final TeamRepository teams;
    private final TeamMembershipRepository memberships;
    private final AppUserRepository users;
    private final AwsAccountRepository accounts;
    private final AccessPolicy access;
    private final Validation validation;
    private final AuditLog audit;
    private final Clock clock;

    public TeamService(TeamRepository teams, TeamMembershipRepository memberships, AppUserRepository users,
                       AwsAccountRepository accounts, AccessPolicy access, Validation validation, AuditLog audit,
                       Clock clock) {
        this.teams = teams;
        this.memberships = memberships;
        this.users = users;
        this.accounts = accounts;
        this.access = access;
        this.validation = validation;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A page of the teams the caller may see, by name: all for admins, their own for everybody else;
     * {@code text} (blank: all) matches part of a team's name or display name, ignoring case. A filter
     * only narrows what the caller sees.
     */
    @Transactional(readOnly = true)
    public List<TeamRow> teams(String text, int offset, int limit) {
        Caller caller = access.caller();
        return teams.findVisible(caller.userId(), caller.admin(), LikePatterns.containing(text),
                new OffsetPage(offset, limit, Sort.unsorted())).stream()
                .map(t -> new TeamRow(t.getId(), t.getName(), t.getDisplayName(), t.isProvider(),
                        caller.teamRoles().get(t.getId()))).toList();
    }

    /** How many teams {@link #teams} lists for the text. */
    @Transactional(readOnly = true)
    public long countTeams(String text) {
        Caller caller = access.caller();
        return teams.countVisible(caller.userId(), caller.admin(), LikePatterns.containing(text));
    }

    /** The team with this name, if the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<TeamRow> teamNamed(String name) {
        Caller caller = access.caller();
        if (!TextRules.isOneLine(name)) {
            return Optional.empty(); // no team's name holds control characters (and PostgreSQL refuses NUL)
        }
        return teams.findByName(name == null ? "" : name.trim())
                .filter(t -> caller.admin() || caller.isMemberOf(t.getId()))
                .map(t -> new TeamRow(t.getId(), t.getName(), t.getDisplayName(), t.isProvider(),
                        caller.teamRoles().get(t.getId())));
    }

    /**
     * Names of teams containing the text, by name, a page at a time: for pickers (catalog filter,
     * service visibility) that load as people scroll and type; names are not secret.
     */
    @Transactional(readOnly = true)
    public List<String> teamNames(String text, int offset, int limit) {
        access.caller();
        return teams.findNames(LikePatterns.containing(text), new OffsetPage(offset, limit, Sort.unsorted()));
    }

    /** One team, if the caller may see it. */
    @Transactional(readOnly = true)
    public TeamSummary team(UUID teamId) {
        Caller caller = access.caller();
        return summary(visibleTeam(teamId, caller), caller);
    }

    /** Creates a team (admins only). */
    public TeamSummary createTeam(CreateTeam command) {
        Caller caller = access.requireAdmin("Only platform admins create teams");
        validation.check(command);
        if (teams.existsByName(command.name())) {
            throw InvalidInputException.of("name", "A team named '" + command.name() + "' already exists");
        }
        Team team = teams.saveAndFlush(new Team(command.name(), command.displayName().trim(),
                blankToNull(command.description()), command.provider(), clock.instant()));
        audit.record(AuditEntry.of("TEAM_CREATED", "TEAM", team.getId(), team.getName(), team.getId()));
        return summary(team, caller);
    }

    /** Changes a team's display name, description and provider flag (admins only). */
    public TeamSummary updateTeam(UpdateTeam command) {
        Caller caller = access.requireAdmin("Only platform admins edit teams");
        validation.check(command);
        Team team = teams.findById(command.teamId()).orElseThrow(() -> new NotFoundException("No such team"));
        if (!Objects.equals(team.getVersion(), command.version())) {
            throw new StaleEditException("Team " + team.getName());
        }
        String before = describe(team);
        team.setDisplayName(command.displayName().trim());
        team.setDescription(blankToNull(command.description()));
        team.setProvider(command.provider());
        teams.flush();
        audit.record(AuditEntry.of("TEAM_UPDATED", "TEAM", team.getId(), team.getName(), team.getId())
                .change(before, describe(team)));
        return summary(team, caller);
    }

    /**
     * A page of the members of a team the caller may see, by username; {@code text} (blank: all)
     * matches part of a username or display name, ignoring case.
     */
    @Transactional(readOnly = true)
    public List<Member> members(UUID teamId, String text, int offset, int limit) {
        visibleTeam(teamId, access.caller());
        return memberships.findByTeam(teamId, LikePatterns.containing(text),
                        new OffsetPage(offset, limit, Sort.unsorted())).stream().map(TeamService::member).toList();
    }

    /** How many members {@link #members} lists for the text. */
    @Transactional(readOnly = true)
    public long countMembers(UUID teamId, String text) {
        visibleTeam(teamId, access.caller());
        return memberships.countByTeam(teamId, LikePatterns.containing(text));
    }

    /** Adds a user to a team (admins and the team's owners). */
    public Member addMember(AddMember command) {
        validation.check(command);
        Caller caller = access.caller();
        Team team = visibleTeam(command.teamId(), caller);
        if (!caller.admin() && !caller.isOwnerOf(team.getId())) {
            throw new dev.linkport.platform.ForbiddenException("Only the team's owners and platform admins add members");
        }
        AppUser user = users.findByUsername(command.username().trim())
                .orElseThrow(() -> InvalidInputException.of("username", "No user named '" + command.username() + "'"));
        if (memberships.findByTeamIdAndUserId(team.getId(), user.getId()).isPresent()) {
            throw InvalidInputException.of("username", user.getUsername() + " is already in " + team.getName());
        }
        TeamMembership m = memberships.saveAndFlush(new TeamMembership(team, user, command.role(), clock.instant()));
        audit.record(AuditEntry.of("MEMBER_ADDED", "TEAM", team.getId(), team.getName(), team.getId())
                .change(null, user.getUsername() + " as " + command.role()));
        return member(m);
    }

    /**
     * Makes a member an owner or a plain member (admins and the team's owners); not for memberships that single
     * sign-on manages (a {@link ConflictException}).
     */
    public Member changeRole(UUID membershipId, long version, MembershipRole role) {
        TeamMembership m = managedMembership(membershipId);
        if (!Objects.equals(m.getVersion(), version)) {
            throw new StaleEditException("The membership of " + m.getUser().getUsername());
        }
        if (m.getRole() == role) {
            return member(m);
        }
        if (m.getRole() == MembershipRole.OWNER) {
            requireAnotherOwner(m, "demote");
        }
        MembershipRole before = m.getRole();
        m.setRole(role);
        memberships.flush();
        audit.record(AuditEntry.of("MEMBER_ROLE_CHANGED", "TEAM", m.getTeam().getId(), m.getTeam().getName(),
                m.getTeam().getId()).change(m.getUser().getUsername() + " " + before, m.getUser().getUsername() + " " + role));
        return member(m);
    }

    /**
     * Removes a member from a team (admins and the team's owners); not for memberships that single sign-on manages
     * (a {@link ConflictException}).
     */
    public void removeMember(UUID membershipId, long version) {
        TeamMembership m = managedMembership(membershipId);
        if (!Objects.equals(m.getVersion(), version)) {
            throw new StaleEditException("The membership of " + m.getUser().getUsername());
        }
        if (m.getRole() == MembershipRole.OWNER) {
            requireAnotherOwner(m, "remove");
        }
        memberships.delete(m);
        memberships.flush();
        audit.record(AuditEntry.of("MEMBER_REMOVED", "TEAM", m.getTeam().getId(), m.getTeam().getName(),
                m.getTeam().getId()).change(m.getUser().getUsername() + " as " + m.getRole(), null));
    }

    private void requireAnotherOwner(TeamMembership m, String verb) {
        if (memberships.countByTeamIdAndRole(m.getTeam().getId(), MembershipRole.OWNER) <= 1) {
            throw new ConflictException("Cannot " + verb + " " + m.getUser().getUsername()
                    + ": a team needs at least one owner. Make someone else an owner first.");
        }
    }

    private TeamMembership managedMembership(UUID membershipId) {
        Caller caller = access.caller();
        TeamMembership m = memberships.findById(membershipId)
                .orElseThrow(() -> new NotFoundException("That membership no longer exists"));
        UUID teamId = m.getTeam().getId();
        if (!caller.admin() && !caller.isMemberOf(teamId)) {
            throw new NotFoundException("That membership no longer exists");
        }
        if (!caller.admin() && !caller.isOwnerOf(teamId)) {
            throw new dev.linkport.platform.ForbiddenException("Only the team's owners and platform admins manage members");
        }
        if (m.getSource() == MembershipSource.SSO) {
            throw new ConflictException(m.getUser().getUsername() + " is in " + m.getTeam().getName()
                    + " through the identity provider's group '" + m.getSsoGroup() + "', applied at every sign-in: "
                    + "change the group there (or disable the user)");
        }
        return m;
    }

    private Team visibleTeam(UUID teamId, Caller caller) {
        return teams.findById(teamId)
                .filter(t -> caller.admin() || caller.isMemberOf(t.getId()))
                .orElseThrow(() -> new NotFoundException("No such team, or you are not in it"));
    }

    private TeamSummary summary(Team t, Caller caller) {
        boolean owner = caller.isOwnerOf(t.getId());
        return new TeamSummary(t.getId(), t.getName(), t.getDisplayName(), t.getDescription(), t.isProvider(),
                memberships.countByTeamId(t.getId()), accounts.countByTeamId(t.getId()),
                caller.teamRoles().get(t.getId()), caller.admin(), caller.admin() || owner, caller.admin() || owner,
                t.getVersion());
    }

    private static Member member(TeamMembership m) {
        return new Member(m.getId(), m.getUser().getId(), m.getUser().getUsername(), m.getUser().getDisplayName(),
                m.getRole(), m.getVersion(), m.getSource() == MembershipSource.SSO ? m.getSsoGroup() : null);
    }

    private static String describe(Team t) {
        return "displayName=" + t.getDisplayName() + ", provider=" + t.isProvider();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
