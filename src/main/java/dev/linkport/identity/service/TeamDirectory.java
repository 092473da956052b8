package dev.linkport.identity.service;

import dev.linkport.audit.service.AuditTeams;
import dev.linkport.identity.domain.Team;
import dev.linkport.identity.domain.TeamMembership;
import dev.linkport.identity.domain.TeamMembershipRepository;
import dev.linkport.identity.domain.TeamRepository;
import dev.linkport.platform.LikePatterns;
import dev.linkport.platform.TextRules;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teams, for other modules: names, members, and the provider flag. A team's name never changes
 * once created, so modules may keep a copy. It does not authorize; team names are not secret.
 */
@Service
@Transactional(readOnly = true)
public class TeamDirectory implements AuditTeams {

    private final TeamRepository teams;
    private final TeamMembershipRepository memberships;

    TeamDirectory(TeamRepository teams, TeamMembershipRepository memberships) {
        this.teams = teams;
        this.memberships = memberships;
    }

    /** The team's id by its name, if there is such a team. */
    public Optional<UUID> idByName(String name) {
        return name == null || !TextRules.isOneLine(name) ? Optional.empty()
                : teams.findByName(name.trim()).map(Team::getId);
    }

    /** The teams' names by id; unknown ids are left out. */
    @Override
    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            teams.findAllById(ids).forEach(t -> out.put(t.getId(), t.getName()));
        }
        return out;
    }

    /** The ids of teams whose name or display name contains the text, ignoring case. */
    @Override
    public List<UUID> idsMatching(String text) {
        return teams.findIdsMatching(LikePatterns.containing(text));
    }

    /** The users in the team. */
    public Set<UUID> memberIds(UUID teamId) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (TeamMembership m : memberships.findByTeam(teamId)) {
            ids.add(m.getUser().getId());
        }
        return ids;
    }

    /** The team now offers services to others (it published one): its members see the approval dashboard. */
    @Transactional
    public void markProvider(UUID teamId) {
        teams.findById(teamId).filter(t -> !t.isProvider()).ifPresent(t -> t.setProvider(true));
    }
}
