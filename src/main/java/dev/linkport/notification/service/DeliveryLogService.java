package dev.linkport.notification.service;

import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.notification.domain.NotificationDelivery;
import dev.linkport.notification.domain.NotificationDeliveryRepository;
import dev.linkport.platform.OffsetPage;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The delivery log of e-mails and webhook calls, for platform admins. */
@Service
@Transactional(readOnly = true)
public class DeliveryLogService {

    private static final String ADMINS_ONLY = "Only platform admins see the delivery log";

    private final NotificationDeliveryRepository deliveries;
    private final AccessPolicy access;

    DeliveryLogService(NotificationDeliveryRepository deliveries, AccessPolicy access) {
        this.deliveries = deliveries;
        this.access = access;
    }

    /** Deliveries, newest first. */
    public List<DeliveryRow> newest(int offset, int limit) {
        access.requireAdmin(ADMINS_ONLY);
        return deliveries.findNewestFirst(new OffsetPage(offset, limit, Sort.unsorted())).stream()
                .map(DeliveryLogService::row).toList();
    }

    /** How many deliveries the log holds. */
    public long count() {
        access.requireAdmin(ADMINS_ONLY);
        return deliveries.count();
    }

    private static DeliveryRow row(NotificationDelivery d) {
        return new DeliveryRow(d.getId(), d.getChannel(), d.getTarget(), d.getKind(), d.getTitle(), d.getStatus(),
                d.getAttempts(), d.getLastStatus(), d.getLastError(), d.getOccurredAt(), d.getLastAttemptAt(),
                d.getDeliveredAt());
    }
}
