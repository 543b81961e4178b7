package com.acme.orders.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * {@code LOG_FORMAT}: human-readable lines ({@code logback.xml}, the default Logback picks up by itself) or one JSON
 * object per line ({@code logback-json.xml}, logstash-logback-encoder), the MDC's {@code request_id} a field of it.
 */
public enum LogFormat {
    TEXT("logback.xml"),
    JSON("logback-json.xml");

    private final String resource;

    LogFormat(String resource) {
        this.resource = resource;
    }

    /** The Logback configuration of this format, on the classpath. */
    String resource() {
        return resource;
    }

    /** @throws ConfigException naming {@code LOG_FORMAT} when the value is neither {@code text} nor {@code json} */
    static LogFormat parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new ConfigException("LOG_FORMAT: must be text or json, got '" + value + "'");
        };
    }

    /**
     * Switches Logback to this format for every logger, from now on. Text is what Logback starts with, so it changes
     * nothing; neither does anything when an operator chose a file with {@code -Dlogback.configurationFile}.
     */
    void apply() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (this == TEXT
                || System.getProperty("logback.configurationFile") != null
                || !(factory instanceof LoggerContext context)) {
            return;
        }
        configure(context, LogFormat.class.getResource("/" + resource));
    }

    /** Replaces {@code context}'s configuration with the one at {@code configuration}. */
    static void configure(LoggerContext context, URL configuration) {
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("the logging configuration " + configuration + " is broken", e);
        }
    }
}
