package dev.linkport.notification.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NotificationDeliveryRepository extends JpaRepository<NotificationDelivery, UUID> {

    @Query("select d from NotificationDelivery d order by d.occurredAt desc, d.id")
    List<NotificationDelivery> findNewestFirst(Pageable page);
}
