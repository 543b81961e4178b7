package com.acme.orders.bootstrap.e2e;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A tool from outside the JVM (Redocly CLI, newman) run to completion. A tool that is not installed aborts the test,
 * which JUnit reports as skipped with the reason: never as passed.
 */
public record ExternalCommand(int exitCode, String output) {

    /** The api-tools folder of the repository, where {@code api-tools/prepare} installs the npm tools. */
    static Path apiTools() {
        return Path.of(System.getProperty("apiTools.dir", "../api-tools"))
                .toAbsolutePath()
                .normalize();
    }

    /** An executable installed under api-tools/node_modules/.bin, or the test is skipped saying which is missing. */
    static Path npmTool(String name) {
        Path tool = apiTools().resolve("node_modules/.bin").resolve(name);
        if (!Files.isExecutable(tool)) {
            abort(name + " is not installed at " + tool + ": api-tools/prepare installs it when npm is available "
                    + "(npm ci in api-tools). This test is skipped, not passed.");
        }
        return tool;
    }

    /**
     * A program of the machine (promtool, haproxy...) on the PATH or in {@code /usr/sbin}, or the test is skipped
     * saying which is missing and which Debian package api-tools/prepare installs it from.
     */
    public static Path systemTool(String name, String debianPackage) {
        List<String> directories = new ArrayList<>(
                List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")));
        directories.add("/usr/sbin");
        for (String directory : directories) {
            Path tool = Path.of(directory, name);
            if (Files.isExecutable(tool)) {
                return tool;
            }
        }
        abort(name + " is not installed: api-tools/prepare installs the Debian package " + debianPackage
                + " when it runs as root with apt-get. This test is skipped, not passed.");
        throw new IllegalStateException("unreachable");
    }

    static ExternalCommand run(Path workingDirectory, Map<String, String> environment, List<String> command) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within 5 minutes");
            }
            return new ExternalCommand(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
