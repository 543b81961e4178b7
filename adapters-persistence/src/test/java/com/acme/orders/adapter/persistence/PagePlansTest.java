package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A list page costs the same whatever the owner's history: for an owner with 100,000 orders among other owners', the
 * executed plan of each page statement (generic, as the pool plans it; with and without a status filter; the first
 * page and one deep in the history) reads the page from its index in order and stops after {@code limit} rows, and
 * reads the total from the owner's rows of {@code order_counts}, never from orders.
 */
class PagePlansTest {

    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern ACTUAL_ROWS = Pattern.compile("actual rows=(\\d+)");
    private static final int LIMIT = 21;
    private static final int HEAVY_ORDERS = 100_000;

    private static Database database;
    private static long heavyOwner;

    @BeforeAll
    static void seed() throws SQLException {
        database = Database.connect(TestDatabase.fresh());
        execute("""
                INSERT INTO users (name, email, password_hash, created_at)
                SELECT 'User ' || g, 'user' || g || '@pages.invalid', 'hash', now()
                FROM generate_series(1, 1001) g""", """
                INSERT INTO orders (user_id, product_name, amount, status, created_at, updated_at)
                SELECT (SELECT min(id) FROM users), 'Item ' || g, 10.00,
                       (ARRAY['pending', 'processing', 'completed', 'cancelled'])[1 + g %% 4],
                       timestamptz '2026-01-01' - g * interval '1 second',
                       timestamptz '2026-01-01' - g * interval '1 second'
                FROM generate_series(1, %d) g""".formatted(HEAVY_ORDERS), """
                INSERT INTO orders (user_id, product_name, amount, status, created_at, updated_at)
                SELECT (SELECT min(id) FROM users) + 1 + g % 1000, 'Item ' || g, 10.00, 'pending',
                       timestamptz '2026-01-01' - g * interval '1 second',
                       timestamptz '2026-01-01' - g * interval '1 second'
                FROM generate_series(1, 20000) g""", "VACUUM ANALYZE orders", "ANALYZE order_counts");
        heavyOwner = Long.parseLong(queryText("SELECT min(id) FROM users"));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Stream<Arguments> pages() {
        // the 50,000th newest order of the heavy owner: created 50,000 seconds before 2026-01-01
        String deep = "timestamptz '2026-01-01' - interval '50000 seconds'";
        return Stream.of(
                Arguments.of("first page", OrderDao.FIND_PAGE, "idx_orders_user_page", "NULL", "NULL"),
                Arguments.of("a page deep in the history", OrderDao.FIND_PAGE, "idx_orders_user_page", deep, "NULL"),
                Arguments.of(
                        "first page in a status",
                        OrderDao.FIND_PAGE_IN_STATUS,
                        "idx_orders_user_status_page",
                        "NULL",
                        "NULL"),
                Arguments.of(
                        "a page in a status deep in the history",
                        OrderDao.FIND_PAGE_IN_STATUS,
                        "idx_orders_user_status_page",
                        deep,
                        "NULL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void a_page_is_an_index_range_scan_that_stops_after_limit_rows_and_the_total_reads_the_counts(
            String name, String sql, String index, String afterCreatedAt, String afterId) throws SQLException {
        List<String> plan = executedPlan(
                sql,
                Map.of(
                        "ownerId",
                        Long.toString(heavyOwner),
                        "status",
                        "'completed'",
                        "afterCreatedAt",
                        afterCreatedAt,
                        "afterId",
                        afterId,
                        "limit",
                        Integer.toString(LIMIT)));
        String shown = String.join("\n", plan);

        assertThat(plan).as("plan of %s:%n%s", name, shown).noneMatch(line -> line.contains("Seq Scan"));
        assertThat(plan)
                .as("plan of %s:%n%s", name, shown)
                .filteredOn(line -> line.contains(" on orders"))
                .singleElement()
                .satisfies(scan -> {
                    assertThat(scan).contains("Index Scan using " + index + " on orders");
                    assertThat(actualRows(scan)).isEqualTo(LIMIT);
                });
        assertThat(plan)
                .as("plan of %s:%n%s", name, shown)
                .anyMatch(line -> line.contains("Limit"))
                .anyMatch(line -> line.contains("Index Scan using order_counts_pkey on order_counts"));
    }

    private static int actualRows(String line) {
        Matcher rows = ACTUAL_ROWS.matcher(line);
        assertThat(rows.find()).as("actual rows in %s", line).isTrue();
        return Integer.parseInt(rows.group(1));
    }

    /**
     * EXPLAIN ANALYZE of the statement prepared with every named parameter as {@code $n}, executed with the given
     * SQL values, on a pooled connection (so planned generically, as the service plans it).
     */
    private static List<String> executedPlan(String sql, Map<String, String> values) throws SQLException {
        Matcher parameters = NAMED_PARAMETER.matcher(sql);
        List<String> names = new ArrayList<>();
        StringBuilder positional = new StringBuilder();
        while (parameters.find()) {
            if (!names.contains(parameters.group(1))) {
                names.add(parameters.group(1));
            }
            parameters.appendReplacement(positional, "\\$" + (names.indexOf(parameters.group(1)) + 1));
        }
        parameters.appendTail(positional);
        String arguments = names.stream().map(values::get).collect(Collectors.joining(", "));
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("PREPARE planned AS " + positional);
            try (ResultSet rows = statement.executeQuery(
                    "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) EXECUTE planned(" + arguments + ")")) {
                List<String> plan = new ArrayList<>();
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
                return plan;
            } finally {
                statement.execute("DEALLOCATE planned");
            }
        }
    }

    private static String queryText(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static void execute(String... sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
