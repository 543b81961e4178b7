package com.acme.orders.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import com.acme.orders.adapter.persistence.DatabaseStartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar order-service.jar}: reads the configuration, starts the service, stops it on SIGTERM. */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        AppConfig config;
        try {
            config = AppConfig.load();
        } catch (ConfigException e) {
            log.error("Invalid configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }
        config.logFormat().apply();
        OrderServiceApp app;
        try {
            app = OrderServiceApp.start(config);
        } catch (DatabaseStartupException e) {
            log.error("Cannot start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        // SIGTERM (and Ctrl-C) is the normal way to stop: the hook stops gracefully, writes out the log's buffer, then
        // ends the process with 0, the status of a clean stop (the JVM alone would report 143, killed by a signal).
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.stop();
                            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                                logging.stop();
                            }
                            Runtime.getRuntime().halt(0);
                        },
                        "shutdown"));
    }
}
