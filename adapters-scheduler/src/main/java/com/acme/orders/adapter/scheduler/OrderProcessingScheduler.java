package com.acme.orders.adapter.scheduler;

import com.acme.orders.application.port.in.housekeeping.RemoveExpiredUseCase;
import com.acme.orders.application.port.in.processing.ProcessPendingOrdersUseCase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz, clustered through its JDBC job store on the service's own PostgreSQL (tables made by the service's
 * migrations), running the order-processing job every {@code interval} and the housekeeping job
 * ({@link RemoveExpiredJob}) every {@code housekeepingInterval}.
 *
 * <p>Every instance of the service runs one of these with the same scheduler name; the job store's row locks let
 * exactly one instance fire each trigger, and {@link ProcessPendingOrdersJob} is marked
 * {@code DisallowConcurrentExecution}, so runs never overlap anywhere in the cluster. An instance that dies
 * mid-run is detected by the others' cluster check-in; its orders left in processing are finished by a later run
 * (the use case's lease).
 */
public final class OrderProcessingScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrderProcessingScheduler.class);

    static final String SCHEDULER_NAME = "order-service";
    static final JobKey JOB = JobKey.jobKey("process-pending-orders", "orders");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("process-pending-orders-every-interval", "orders");
    static final JobKey HOUSEKEEPING_JOB = JobKey.jobKey("remove-expired", "housekeeping");
    static final TriggerKey HOUSEKEEPING_TRIGGER =
            TriggerKey.triggerKey("remove-expired-every-interval", "housekeeping");

    private final Scheduler scheduler;
    private final SchedulerSettings settings;
    private final String dataSourceName;

    /**
     * Prepares (but does not start) the scheduler.
     *
     * @param dataSource a pool of the scheduler's own; Quartz commits on it itself
     */
    public OrderProcessingScheduler(
            ProcessPendingOrdersUseCase processPendingOrders,
            RemoveExpiredUseCase removeExpired,
            DataSource dataSource,
            SchedulerSettings settings,
            ProcessingRunListener listener,
            Clock clock) {
        Objects.requireNonNull(processPendingOrders, "processPendingOrders");
        Objects.requireNonNull(removeExpired, "removeExpired");
        Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        // DBConnectionManager is one per JVM: a name per scheduler keeps several services in one JVM apart (tests).
        this.dataSourceName = "orders-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PoolProvider(dataSource));
        try {
            this.scheduler = new StdSchedulerFactory(properties(dataSourceName)).getScheduler();
            scheduler.setJobFactory(
                    (bundle, ignored) -> bundle.getJobDetail().getJobClass().equals(RemoveExpiredJob.class)
                            ? new RemoveExpiredJob(removeExpired)
                            : new ProcessPendingOrdersJob(processPendingOrders, listener, clock));
        } catch (SchedulerException e) {
            throw new SchedulerStartupException("cannot create the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    private static Properties properties(String dataSourceName) {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, SCHEDULER_NAME);
        properties.setProperty(
                StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, StdSchedulerFactory.AUTO_GENERATE_INSTANCE_ID);
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        // No org.quartz.dataSource.* properties: the connection provider registered under this name is used as is,
        // so Quartz never builds a pool of its own (which would need c3p0).
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "30000");
        return properties;
    }

    /**
     * Schedules the job (replacing the stored trigger if the interval changed) and starts firing. Call after the
     * database migrations have run.
     */
    public void start() {
        try {
            schedule(
                    ProcessPendingOrdersJob.class,
                    JOB,
                    TRIGGER,
                    "Moves pending orders through processing to completed",
                    settings.interval());
            schedule(
                    RemoveExpiredJob.class,
                    HOUSEKEEPING_JOB,
                    HOUSEKEEPING_TRIGGER,
                    "Removes expired log-in limit counts and refresh tokens",
                    settings.housekeepingInterval());
            scheduler.start();
            log.info(
                    "Order processing scheduled every {} s, housekeeping every {} s, clustered",
                    settings.interval().toSeconds(),
                    settings.housekeepingInterval().toSeconds());
        } catch (SchedulerException e) {
            throw new SchedulerStartupException("cannot start the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    /** Stores {@code jobClass}'s job and its trigger, unless the same are stored already (by any instance). */
    private void schedule(
            Class<? extends Job> jobClass, JobKey jobKey, TriggerKey triggerKey, String description, Duration interval)
            throws SchedulerException {
        JobDetail job = JobBuilder.newJob(jobClass)
                .withIdentity(jobKey)
                .withDescription(description)
                .storeDurably()
                .requestRecovery(false)
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(triggerKey)
                .forJob(jobKey)
                // the first run one interval after start-up, as the prototype's scheduler did
                .startAt(Date.from(Instant.now().plus(interval)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        // A run missed while every instance was down is not made up: the next one comes on time.
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        Trigger stored = scheduler.getTrigger(triggerKey);
        if (stored == null) {
            scheduler.addJob(job, true);
            try {
                scheduler.scheduleJob(trigger);
            } catch (ObjectAlreadyExistsException storedByAnotherInstance) {
                // instances started together: another one stored the trigger between the look-up and this store;
                // the cluster needs one trigger, and the one stored serves them all
                log.info("Trigger {} already stored by another instance", triggerKey);
            }
        } else if (!(stored instanceof SimpleTrigger simple) || simple.getRepeatInterval() != interval.toMillis()) {
            log.info("Interval of {} changed to {} s: replacing the stored trigger", jobKey, interval.toSeconds());
            scheduler.addJob(job, true);
            scheduler.rescheduleJob(triggerKey, trigger);
        }
    }

    /** Whether the scheduler runs: started, not shut down, not paused. */
    public boolean isRunning() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Stops firing; waits for a run in progress when the settings say so. */
    @Override
    public void close() {
        try {
            if (!scheduler.isShutdown()) {
                scheduler.shutdown(settings.shutdownWait());
            }
        } catch (SchedulerException e) {
            log.warn("Quartz did not shut down cleanly", e);
        }
    }

    /** Hands Quartz connections from our pool; closing the pool is the owner's business. */
    private record PoolProvider(DataSource dataSource) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to bootstrap, which closes it after the scheduler
        }

        @Override
        public void initialize() {
            // the pool is ready when handed over
        }
    }
}
