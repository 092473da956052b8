package dev.linkport.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The last "Test access" of an AWS account: when and by whom it ran, how it ended ({@code OK}, {@code FAILED},
 * {@code TRY_AGAIN}) and a one-line summary. One row per account, replaced by each new check.
 */
@Entity
@Table(name = "aws_account_access_check")
public class AccountAccessCheck {

    @Id
    @Column(name = "aws_account_id")
    private UUID accountId;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    @Column(name = "checked_by", nullable = false)
    private String checkedBy;

    @Column(name = "outcome", nullable = false)
    private String outcome;

    @Column(name = "summary", nullable = false)
    private String summary;

    protected AccountAccessCheck() {
    }

    public AccountAccessCheck(UUID accountId) {
        this.accountId = accountId;
    }

    /** Replaces the recorded result with a newer one. */
    public void record(Instant checkedAt, String checkedBy, String outcome, String summary) {
        this.checkedAt = checkedAt;
        this.checkedBy = checkedBy;
        this.outcome = outcome;
        this.summary = summary.length() > 1000 ? summary.substring(0, 999) + "…" : summary;
    }

    public UUID getAccountId() { return accountId; }
    public Instant getCheckedAt() { return checkedAt; }
    public String getCheckedBy() { return checkedBy; }
    public String getOutcome() { return outcome; }
    public String getSummary() { return summary; }
}
