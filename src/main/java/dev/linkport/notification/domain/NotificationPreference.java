package dev.linkport.notification.domain;

import dev.linkport.notification.NotificationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One person's choice of channels for one kind of event. */
@Entity
@Table(name = "notification_preference")
@IdClass(NotificationPreference.Key.class)
public class NotificationPreference {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Id
    @Enumerated(EnumType.STRING)
    private NotificationKind kind;

    @Column(name = "in_app", nullable = false)
    private boolean inApp;

    @Column(nullable = false)
    private boolean email;

    protected NotificationPreference() {
    }

    public NotificationPreference(UUID userId, NotificationKind kind, boolean inApp, boolean email) {
        this.userId = userId;
        this.kind = kind;
        this.inApp = inApp;
        this.email = email;
    }

    public void choose(boolean inApp, boolean email) {
        this.inApp = inApp;
        this.email = email;
    }

    public UUID getUserId() { return userId; }
    public NotificationKind getKind() { return kind; }
    public boolean isInApp() { return inApp; }
    public boolean isEmail() { return email; }

    /** The key: one row per person and kind. */
    public static class Key implements Serializable {
        private UUID userId;
        private NotificationKind kind;

        protected Key() {
        }

        public Key(UUID userId, NotificationKind kind) {
            this.userId = userId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(userId, k.userId) && kind == k.kind;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(userId, kind);
        }
    }
}
