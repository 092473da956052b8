package dev.linkport.worker.runtime;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import dev.linkport.worker.JobProgress;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * db-scheduler's Java serialization, reading what earlier Linkport versions stored too: their jobs
 * kept a plain attempt counter, which becomes a {@link JobProgress} that starts now.
 */
@Component
class JobDataSerializer implements Serializer {

    private final Clock clock;

    JobDataSerializer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public byte[] serialize(Object data) {
        return DEFAULT_JAVA_SERIALIZER.serialize(data);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        Object data = DEFAULT_JAVA_SERIALIZER.deserialize(Object.class, bytes);
        if (type == JobProgress.class && data instanceof Integer attempts) {
            return (T) new JobProgress(attempts, attempts, 0, clock.instant(), null);
        }
        return type.cast(data);
    }
}
