package dev.linkport.notification.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamWebhookRepository extends JpaRepository<TeamWebhook, UUID> {

    List<TeamWebhook> findByTeamIdOrderByCreatedAt(UUID teamId);

    List<TeamWebhook> findByTeamIdIn(Collection<UUID> teamIds);

    long countByTeamId(UUID teamId);
}
