package dev.linkport.worker.runtime;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How Linkport sets up db-scheduler beyond its properties: the job data serializer, and a scheduler
 * name that differs for every running instance.
 *
 * <p>db-scheduler names a scheduler after its host by default, so two instances on one host (or two
 * containers that share a host name) would both mark the jobs they run as picked by the same name.
 * Here it is {@code host-pid-random}, unless {@code db-scheduler.scheduler-name} says otherwise.
 * Which instance runs a job is shown in the operations view and in {@code scheduled_tasks.picked_by}.
 */
@Component
class SchedulerCustomization implements DbSchedulerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(SchedulerCustomization.class);

    private final JobDataSerializer serializer;
    private final String name;

    SchedulerCustomization(JobDataSerializer serializer, @Value("${db-scheduler.scheduler-name:}") String configured) {
        this.serializer = serializer;
        this.name = configured.isBlank() ? instanceName() : configured;
        log.info("Job scheduler of this instance: {}", name);
    }

    @Override
    public Optional<Serializer> serializer() {
        return Optional.of(serializer);
    }

    @Override
    public Optional<SchedulerName> schedulerName() {
        return Optional.of(new SchedulerName.Fixed(name));
    }

    /** The name this instance's scheduler marks the jobs it takes with. */
    String name() {
        return name;
    }

    /** This process's name among the instances: its host, its process id and a random part. */
    static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }
}
