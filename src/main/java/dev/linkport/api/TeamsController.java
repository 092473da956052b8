package dev.linkport.api;

import dev.linkport.api.Pages.Page;
import dev.linkport.identity.ApiScope;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamCommands.UpdateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.Member;
import dev.linkport.identity.service.TeamViews.TeamRow;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Teams and their members: platform admins create and edit teams; admins and team owners manage members. */
@RestController
@RequestMapping(path = "/api/v1/teams", produces = "application/json")
@Tag(name = "Teams", description = "Teams, and who is in them as owner or member")
class TeamsController {

    /** A team in a list. {@code myRole}: the caller's role in it, or null. */
    record TeamItem(UUID id, String name, String displayName, boolean provider, MembershipRole myRole) {

        static TeamItem of(TeamRow t) {
            return new TeamItem(t.id(), t.name(), t.displayName(), t.provider(), t.myRole());
        }
    }

    /**
     * A team. {@code name} never changes once created; {@code version} is what an edit may name to
     * refuse a change made meanwhile.
     */
    record Team(UUID id, String name, String displayName, String description, boolean provider, long memberCount,
                long accountCount, MembershipRole myRole, boolean canManage, boolean canManageMembers,
                boolean canManageAccounts, long version) {

        static Team of(TeamSummary t) {
            return new Team(t.id(), t.name(), t.displayName(), t.description(), t.provider(), t.memberCount(),
                    t.accountCount(), t.myRole(), t.canManage(), t.canManageMembers(), t.canManageAccounts(),
                    t.version());
        }
    }

    /** A team to create. */
    record NewTeam(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "payments",
                    description = "2 to 40 characters: lower-case letters, digits and '-'; never changes") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Payments") String displayName,
            String description,
            @Schema(description = "offers services to others; default false") Boolean provider) {
    }

    /** Fields to change; absent (null) fields keep their value. */
    record TeamPatch(
            @Schema(description = "the version you read; a different stored one answers 409. Absent: no check")
            Long version,
            String displayName, String description, Boolean provider) {
    }

    /** A member of a team. */
    record TeamMember(String username, String displayName, MembershipRole role, UUID userId) {

        static TeamMember of(Member m) {
            return new TeamMember(m.username(), m.displayName(), m.role(), m.userId());
        }
    }

    /** A user to add to a team, and as what. */
    record NewMember(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "alice") String username,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"owner", "member"})
                     String role) {
    }

    /** A member's new role. */
    record RoleChange(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"owner", "member"})
                      String role) {
    }

    private final TeamService teams;

    TeamsController(TeamService teams) {
        this.teams = teams;
    }

    @GetMapping
    @Operation(summary = "The caller's teams (all teams for platform admins), by name",
            description = "q matches part of a team's name or display name. Pages count from 0.")
    Page<TeamItem> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        Pages.checkQuery(q);
        return new Page<>(teams.teams(q, Pages.offset(page, size), size).stream().map(TeamItem::of).toList(), page,
                size, teams.countTeams(q));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One team; 404 if it does not exist or you are not in it (admins see all)")
    Team team(@PathVariable UUID id) {
        return Team.of(teams.team(id));
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @NeedsScope(ApiScope.ADMIN)
    @Operation(summary = "Create a team (platform admins)")
    ResponseEntity<Team> create(@RequestBody NewTeam body) {
        Team created = Team.of(teams.createTeam(new CreateTeam(body.name(), body.displayName(), body.description(),
                Boolean.TRUE.equals(body.provider()))));
        return ResponseEntity.created(URI.create("/api/v1/teams/" + created.id())).body(created);
    }

    @PatchMapping(path = "/{id}", consumes = "application/json")
    @NeedsScope(ApiScope.ADMIN)
    @Operation(summary = "Rename a team (its display name), change its description or provider flag (platform admins)")
    Team update(@PathVariable UUID id, @RequestBody TeamPatch body) {
        TeamSummary current = teams.team(id);
        return Team.of(teams.updateTeam(new UpdateTeam(id,
                body.version() == null ? current.version() : body.version(),
                body.displayName() == null ? current.displayName() : body.displayName(),
                body.description() == null ? current.description() : body.description(),
                body.provider() == null ? current.provider() : body.provider())));
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "The team's members, by username",
            description = "q matches part of a username or display name. Pages count from 0.")
    Page<TeamMember> members(@PathVariable UUID id, @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        Pages.checkQuery(q);
        return new Page<>(teams.members(id, q, Pages.offset(page, size), size).stream().map(TeamMember::of).toList(),
                page, size, teams.countMembers(id, q));
    }

    @PostMapping(path = "/{id}/members", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @NeedsScope(ApiScope.ADMIN)
    @Operation(summary = "Add a user to the team as owner or member (team owners, platform admins)")
    ResponseEntity<TeamMember> addMember(@PathVariable UUID id, @RequestBody NewMember body) {
        TeamMember added = TeamMember.of(teams.addMember(new AddMember(id, body.username(), role(body.role()))));
        return ResponseEntity.created(URI.create("/api/v1/teams/" + id + "/members/" + added.username())).body(added);
    }

    @GetMapping("/{id}/members/{username}")
    @Operation(summary = "One member of the team; 404 if the user is not in it")
    TeamMember member(@PathVariable UUID id, @PathVariable String username) {
        return TeamMember.of(find(id, username));
    }

    @PutMapping(path = "/{id}/members/{username}", consumes = "application/json")
    @NeedsScope(ApiScope.ADMIN)
    @Operation(summary = "Make a member an owner or a plain member (team owners, platform admins)",
            description = "A team keeps at least one owner: demoting the last one answers 409.")
    TeamMember changeRole(@PathVariable UUID id, @PathVariable String username, @RequestBody RoleChange body) {
        MembershipRole role = role(body == null ? null : body.role());
        if (role == null) {
            throw InvalidInputException.of("role", "Choose a role: owner or member");
        }
        Member member = find(id, username);
        return TeamMember.of(teams.changeRole(member.membershipId(), member.version(), role));
    }

    @DeleteMapping("/{id}/members/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @NeedsScope(ApiScope.ADMIN)
    @Operation(summary = "Remove a member from the team (team owners, platform admins)",
            description = "A team keeps at least one owner: removing the last one answers 409.")
    ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable String username) {
        Member member = find(id, username);
        teams.removeMember(member.membershipId(), member.version());
        return ResponseEntity.noContent().build();
    }

    /** The member with exactly this username, looked up through the team's member list. */
    private Member find(UUID teamId, String username) {
        String wanted = username.trim();
        for (int offset = 0; ; offset += Pages.MAX_SIZE) {
            List<Member> page = teams.members(teamId, wanted, offset, Pages.MAX_SIZE);
            for (Member m : page) {
                if (m.username().equalsIgnoreCase(wanted)) {
                    return m;
                }
            }
            if (page.size() < Pages.MAX_SIZE) {
                throw new NotFoundException("No member " + wanted + " in this team");
            }
        }
    }

    /** The role named (any case); null when none is named, for the service to say so with the other fields. */
    static MembershipRole role(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return MembershipRole.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("role", "No role " + value + "; use one of " + Arrays.stream(
                    MembershipRole.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }
}
