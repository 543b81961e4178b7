package com.acme.orders.bootstrap.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance of the service as operators run it: {@code java -jar order-service.jar} in a process of its own,
 * logging to a file the test reads.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern RUN =
            Pattern.compile("^(\\S+) \\S+ +\\[[^]]*] ProcessPendingOrdersJob - Order processing run: "
                    + "(?:found=(\\d+) completed=(\\d+) resumed=(\\d+) took=(\\d+)ms|nothing to do \\((\\d+) ms\\))$");
    private static final Pattern READY = Pattern.compile("ready on port (\\d+)");

    private final String name;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts an instance and waits until it is ready. */
    static ServiceProcess start(String name, Path workDir, Map<String, String> environment) throws IOException {
        return start(name, workDir, environment, List.of("-Xmx256m"));
    }

    /** Starts an instance with these JVM options and waits until it is ready. */
    static ServiceProcess start(String name, Path workDir, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        Path logConfig = workDir.resolve("logback-" + name + ".xml");
        Files.writeString(logConfig, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%X{request_id:-}] %logger{0} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="com.acme.orders.adapter.scheduler" level="DEBUG"/>
                  <logger name="access" level="WARN"/>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        Path log = workDir.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = System.getProperty("orderService.jar", "target/order-service.jar");
        List<String> command = new ArrayList<>(List.of(java, "-Dlogback.configurationFile=" + logConfig));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        ServiceProcess service = new ServiceProcess(name, builder.start(), log);
        service.awaitReady(Duration.ofSeconds(60));
        return service;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (READY.matcher(logText()).find()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting:\n" + logText());
            }
            sleep(100);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logText());
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run of the processing job on this instance, from its log line. */
    record Run(String instance, Instant started, Instant finished, int found, int completed, int resumed) {}

    List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (String line : logText().split("\n")) {
            Matcher matcher = RUN.matcher(line.strip());
            if (matcher.matches()) {
                Instant finished = Instant.parse(matcher.group(1));
                boolean idle = matcher.group(2) == null;
                long took = Long.parseLong(idle ? matcher.group(6) : matcher.group(5));
                runs.add(new Run(
                        name,
                        finished.minusMillis(took),
                        finished,
                        idle ? 0 : Integer.parseInt(matcher.group(2)),
                        idle ? 0 : Integer.parseInt(matcher.group(3)),
                        idle ? 0 : Integer.parseInt(matcher.group(4))));
            }
        }
        return runs;
    }

    /** The port the instance listens on, from its "ready" log line. */
    int port() {
        Matcher ready = READY.matcher(logText());
        if (!ready.find()) {
            throw new IllegalStateException(name + " is not ready");
        }
        return Integer.parseInt(ready.group(1));
    }

    /** The exit code once the process has ended. */
    int exitCode() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no cleanup, as a crashed machine. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: the graceful path. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
