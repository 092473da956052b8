package dev.linkport.notification.service;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.linkport.notification.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification module's recurring task; db-scheduler runs it on one instance of the cluster at a time. */
@Configuration(proxyBeanMethods = false)
class NotificationTasks {

    /** Looks for requests to remind of or escalate every {@code linkport.notifications.check-every}. */
    @Bean
    RecurringTask<Void> remindOfWaitingRequestsTask(Reminders reminders, NotificationProperties properties) {
        return Tasks.recurring("remind-of-waiting-requests", Schedules.fixedDelay(properties.checkEvery()))
                .execute((instance, context) -> reminders.remindAndEscalate());
    }
}
