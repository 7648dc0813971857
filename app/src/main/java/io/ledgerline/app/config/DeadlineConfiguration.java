package io.ledgerline.app.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deadlines that survive a restart: sagas schedule their retries through Axon's {@code DbSchedulerDeadlineManager}
 * (set up by Axon's db-scheduler auto-configuration as soon as a {@link Scheduler} exists), which keeps them in
 * {@code scheduled_tasks} (V17). This class provides the scheduler, started once the application is up and stopped
 * gracefully (running deadlines finish) before Axon and the database shut down.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    /** @param tasks Axon's deadline and event-scheduling tasks, registered as beans by its auto-configuration */
    @Bean(destroyMethod = "")
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
                                @Value("${ledgerline.deadlines.polling-interval:PT5S}") Duration pollingInterval) {
        return Scheduler.create(dataSource, tasks)
                .threads(2)
                .pollingInterval(pollingInterval)
                .shutdownMaxWait(Duration.ofSeconds(20))
                .commitWhenAutocommitDisabled(true)
                .build();
    }

    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {

            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /** Started after, and stopped before, Axon's processors and the web server (both at lower phases). */
            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 1;
            }
        };
    }
}
