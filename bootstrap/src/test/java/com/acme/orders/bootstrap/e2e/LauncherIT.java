package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands go through {@code ./orders}: it must find a JDK 21+ where the default {@code java} is older,
 * say clearly when there is none, and start the built jar with the recommended JVM options.
 */
class LauncherIT {

    private static final Path LAUNCHER =
            Path.of(System.getProperty("orderService.launcher", "../orders")).toAbsolutePath();
    private static final Pattern READY = Pattern.compile("ready on port (\\d+)");
    private static final int RUNNING_FEATURE = Runtime.version().feature();

    @TempDir
    Path work;

    /** The directory that holds the JDK running this test: what a machine's JDK directory looks like. */
    private static String jdkDirectory() {
        return Path.of(System.getProperty("java.home")).getParent().toString();
    }

    /** A bare environment: no JAVA_HOME, a PATH without any JDK, and only the search locations given. */
    private Map<String, String> environment(String jdkDirectories) throws IOException {
        Path emptyBin = Files.createDirectories(work.resolve("bin"));
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", emptyBin + ":/usr/bin:/bin");
        environment.put("HOME", work.toString());
        environment.put("ORDERS_JDK_DIRS", jdkDirectories);
        return environment;
    }

    private static Process launch(Map<String, String> environment, Path output, String... arguments)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(LAUNCHER.toString()), Stream.of(arguments))
                        .toList())
                .directory(LAUNCHER.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String finish(Process process, Path output) throws Exception {
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as("the launcher finished")
                .isTrue();
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    @Test
    void the_newest_jdk_21_or_newer_is_found_although_neither_java_home_nor_the_path_has_one() throws Exception {
        Map<String, String> environment = environment(jdkDirectory());
        environment.put("JAVA_HOME", work.resolve("no-such-jdk").toString());
        Path output = work.resolve("java.out");

        Process process = launch(environment, output, "java");

        String said = finish(process, output);
        assertThat(process.exitValue()).as(said).isZero();
        Matcher feature = Pattern.compile("\\(JDK (\\d+)\\)").matcher(said);
        assertThat(feature.find()).as(said).isTrue();
        assertThat(Integer.parseInt(feature.group(1))).isGreaterThanOrEqualTo(Math.max(21, RUNNING_FEATURE));
    }

    @Test
    void without_any_jdk_21_or_newer_the_launcher_says_so_and_exits_with_1() throws Exception {
        Path output = work.resolve("none.out");

        Process process = launch(environment(work.resolve("no-jdks-here").toString()), output, "java");

        String said = finish(process, output);
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(said).contains("no JDK 21 or newer found").contains("set JAVA_HOME");
    }

    @Test
    void an_unknown_command_is_refused_with_2() throws Exception {
        Path output = work.resolve("unknown.out");

        Process process = launch(environment(jdkDirectory()), output, "serve");

        assertThat(finish(process, output)).contains("unknown command 'serve'");
        assertThat(process.exitValue()).isEqualTo(2);
    }

    @Test
    void start_runs_the_built_jar_with_the_recommended_jvm_options_and_a_sigterm_ends_it_with_0() throws Exception {
        Path output = work.resolve("start.out");

        Process service = launch(serviceEnvironment(TestDatabase.url(TestDatabase.fresh())), output, "start");
        try {
            int port = awaitReady(service, output);
            List<String> arguments = List.of(service.info().arguments().orElseThrow());
            assertThat(arguments).contains("-XX:+UseSerialGC", "-Xmx128m", "-jar");
            if (RUNNING_FEATURE >= 25) {
                assertThat(arguments).anyMatch(argument -> argument.startsWith("-XX:AOTCache"));
            } else {
                assertThat(arguments).anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile="));
            }
            assertThat(new ApiClient(port).get("/health/ready", null).status()).isEqualTo(200);
        } finally {
            service.destroy();
        }
        assertThat(service.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(service.exitValue()).as(Files.readString(output)).isZero();
    }

    @Test
    void starts_side_by_side_take_turns_and_only_one_records_the_class_cache() throws Exception {
        Path cache = LAUNCHER.getParent()
                .resolve(
                        RUNNING_FEATURE >= 25
                                ? "bootstrap/target/order-service.aot"
                                : "bootstrap/target/order-service.jsa");
        Files.deleteIfExists(cache);
        String database = TestDatabase.url(TestDatabase.fresh());
        Path firstOutput = work.resolve("first.out");
        Path secondOutput = work.resolve("second.out");

        Process first = launch(serviceEnvironment(database), firstOutput, "start");
        Process second = launch(serviceEnvironment(database), secondOutput, "start");
        try {
            awaitReady(first, firstOutput);
            awaitReady(second, secondOutput);
            List<List<String>> arguments = Stream.of(first, second)
                    .map(service -> List.of(service.info().arguments().orElseThrow()))
                    .toList();
            String recording = RUNNING_FEATURE >= 25 ? "-XX:AOTCacheOutput=" : "-XX:SharedArchiveFile=";
            assertThat(arguments)
                    .as("one start records the cache")
                    .filteredOn(jvm -> jvm.stream().anyMatch(argument -> argument.startsWith(recording)))
                    .hasSize(1);
            assertThat(arguments)
                    .as("the other runs without one")
                    .filteredOn(jvm -> jvm.stream()
                            .noneMatch(argument -> argument.startsWith("-XX:AOTCache")
                                    || argument.startsWith("-XX:SharedArchiveFile")))
                    .hasSize(1);
            assertThat(Files.readString(firstOutput) + Files.readString(secondOutput))
                    .contains("another start is recording the cache for this jar: this one runs without it");
        } finally {
            first.destroy();
            second.destroy();
        }
        assertThat(first.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(second.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(firstOutput)).isZero();
        assertThat(second.exitValue()).as(Files.readString(secondOutput)).isZero();
        assertThat(cache)
                .as("the recording start wrote the cache when it stopped")
                .exists();
    }

    /** What a start needs besides the launcher's own environment: a database, a key, free ports, quick stops. */
    private Map<String, String> serviceEnvironment(String databaseUrl) throws IOException {
        Map<String, String> environment = environment(jdkDirectory());
        environment.put("DATABASE_URL", databaseUrl);
        environment.put("SECRET_KEY", RunningService.SECRET);
        environment.put("APP_PORT", "0");
        environment.put("MANAGEMENT_PORT", "0");
        environment.put("BCRYPT_COST", "4");
        environment.put("SHUTDOWN_DRAIN_SECONDS", "0");
        return environment;
    }

    private static int awaitReady(Process service, Path output) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            String said = Files.readString(output, StandardCharsets.UTF_8);
            Matcher ready = READY.matcher(said);
            if (ready.find()) {
                return Integer.parseInt(ready.group(1));
            }
            assertThat(service.isAlive())
                    .as("the service is starting:\n%s", said)
                    .isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 3 minutes:\n" + Files.readString(output));
    }
}
