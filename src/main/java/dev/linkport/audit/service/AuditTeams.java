package dev.linkport.audit.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the audit log needs to know about teams to filter and export by team name. The identity
 * module, which owns teams, provides it (identity writes audit lines, so the audit log cannot ask
 * identity's services without a cycle).
 */
public interface AuditTeams {

    /** The teams' names by id; unknown ids are left out. */
    Map<UUID, String> names(Collection<UUID> ids);

    /** The ids of teams whose name or display name contains the text, ignoring case. */
    List<UUID> idsMatching(String text);
}
