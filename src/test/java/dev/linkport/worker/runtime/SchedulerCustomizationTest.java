package dev.linkport.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class SchedulerCustomizationTest {

    private final JobDataSerializer serializer = new JobDataSerializer(Clock.systemUTC());

    @Test
    void everyInstanceOnAHostGetsANameOfItsOwn() {
        String one = new SchedulerCustomization(serializer, "").name();
        String other = new SchedulerCustomization(serializer, "").name();

        assertThat(one).isNotEqualTo(other).contains("-" + ProcessHandle.current().pid() + "-");
        assertThat(new SchedulerCustomization(serializer, "").schedulerName()).get()
                .extracting(name -> name.getName()).asString().matches(".+-\\d+-[0-9a-f]{6}");
    }

    @Test
    void aConfiguredNameWins() {
        SchedulerCustomization customization = new SchedulerCustomization(serializer, "instance-1");
        assertThat(customization.schedulerName()).get().extracting(name -> name.getName()).isEqualTo("instance-1");
        assertThat(customization.serializer()).containsSame(serializer);
    }
}
