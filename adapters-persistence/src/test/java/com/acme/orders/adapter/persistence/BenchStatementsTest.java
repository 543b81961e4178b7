package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The benchmark measures the service's own statements. {@code bench/pgbench/*.sql} are the one copy the benchmark
 * takes them from (pgbench runs them, {@code bench/Floors.java} reads them); each script's statements must be the
 * DAOs' statements of one request, in order, word for word but for whitespace and parameters. A parameter may be
 * written as a pgbench variable of any name (one variable for every occurrence of the parameter) or as NULL, which
 * pgbench cannot bind. The session setting the benchmark plans with must be the pools'.
 */
class BenchStatementsTest {

    /** Maven runs the tests in the module's directory; the benchmark is beside the modules. */
    private static final Path SCRIPTS = Path.of("..", "bench", "pgbench");

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");
    private static final String VARIABLE_OR_NULL = "(:[A-Za-z_][A-Za-z0-9_]*|NULL)";

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("list.sql", List.of(UserDao.TOKEN_VERSION, OrderDao.FIND_PAGE)),
                Arguments.of("get.sql", List.of(UserDao.TOKEN_VERSION, OrderDao.FIND_BY_ID)),
                Arguments.of(
                        "post.sql",
                        List.of(UserDao.TOKEN_VERSION, OrderDao.NEXT_ID, OrderDao.INSERT_WITH_FIRST_CHANGE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void each_script_runs_the_statements_of_one_request_as_the_service_writes_them(String script, List<String> service)
            throws IOException {
        List<String> statements = statementsOf(script);

        assertThat(statements).as("the statements of %s", script).hasSameSizeAs(service);
        for (int i = 0; i < service.size(); i++) {
            assertWrittenAs(service.get(i), statements.get(i));
        }
    }

    @Test
    void the_benchmark_plans_its_statements_as_the_service_s_sessions_do() throws IOException {
        assertThat(statementsOf("session.sql")).containsExactly(normalised(Database.PLAN_EACH_STATEMENT_ONCE));
    }

    /** {@code script} is {@code service} with each parameter a variable, the same one each time, or NULL. */
    private static void assertWrittenAs(String service, String script) {
        String expected = normalised(service);
        Matcher parameters = PARAMETER.matcher(expected);
        List<String> names = new ArrayList<>();
        StringBuilder pattern = new StringBuilder();
        int end = 0;
        while (parameters.find()) {
            names.add(parameters.group(1));
            pattern.append(Pattern.quote(expected.substring(end, parameters.start())))
                    .append(VARIABLE_OR_NULL);
            end = parameters.end();
        }
        pattern.append(Pattern.quote(expected.substring(end)));
        Matcher written = Pattern.compile(pattern.toString()).matcher(script);

        assertThat(written.matches())
                .as("the benchmark's statement%n  %s%nis not the service's%n  %s", script, expected)
                .isTrue();
        Map<String, String> writtenAs = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String first = writtenAs.putIfAbsent(names.get(i), written.group(i + 1));
            if (first != null) {
                assertThat(written.group(i + 1))
                        .as("the parameter :%s each time it occurs in%n  %s", names.get(i), script)
                        .isEqualTo(first);
            }
        }
    }

    /**
     * The SQL statements of a script, normalised, in order. Comment lines and pgbench's meta-commands (lines that
     * start with a backslash) are not SQL; a statement ends at a semicolon or at {@code \gset}.
     */
    private static List<String> statementsOf(String script) throws IOException {
        Path file = SCRIPTS.resolve(script);
        assertThat(file)
                .as("the benchmark's script, from %s", Path.of("").toAbsolutePath())
                .isRegularFile();
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("--") && !line.startsWith("\\")) {
                sql.append(line.replace("\\gset", ";")).append('\n');
            }
        }
        return Stream.of(sql.toString().split(";"))
                .map(BenchStatementsTest::normalised)
                .filter(statement -> !statement.isEmpty())
                .toList();
    }

    /** Whitespace as single spaces, none at either end. */
    private static String normalised(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }
}
