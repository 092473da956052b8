package dev.linkport.worker;

import dev.linkport.worker.runtime.JobFailures;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What every {@link AwsJob} needs from the worker: transactions and the record of failures. */
@Component
public final class JobRuntime {

    private final TransactionTemplate tx;
    private final JobFailures failures;

    JobRuntime(TransactionTemplate tx, JobFailures failures) {
        this.tx = tx;
        this.failures = failures;
    }

    <T> T inTransaction(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    JobFailures failures() {
        return failures;
    }
}
