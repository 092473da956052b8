package dev.linkport.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.platform.ConflictException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

class UiErrorHandlingTest {

    @Test
    void aClickThatFailsBecauseTheDatabaseIsAwaySaysSoPlainly() {
        assertThat(UiErrorHandling.messageFor(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("linkport - Connection is not available, request timed out"))))
                .isEqualTo(UiErrorHandling.DATABASE_AWAY);
        assertThat(UiErrorHandling.messageFor(new DataAccessResourceFailureException("lost")))
                .isEqualTo(UiErrorHandling.DATABASE_AWAY);
        assertThat(UiErrorHandling.messageFor(new JpaSystemException(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))))
                .as("a connection lost in the middle of a query (SQL state class 08)")
                .isEqualTo(UiErrorHandling.DATABASE_AWAY);
    }

    @Test
    void otherFailuresKeepTheirMessages() {
        assertThat(UiErrorHandling.messageFor(new ConflictException("This request is already APPROVED")))
                .isEqualTo("This request is already APPROVED");
        assertThat(UiErrorHandling.messageFor(new IllegalStateException("a bug")))
                .startsWith("Something went wrong (reference ");
        assertThat(UiErrorHandling.messageFor(new JpaSystemException(new RuntimeException(
                new SQLException("duplicate key", "23505")))))
                .as("a constraint violation is not the database being away").startsWith("Something went wrong");
    }
}
