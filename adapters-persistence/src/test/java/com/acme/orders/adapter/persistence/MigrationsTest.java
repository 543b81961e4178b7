package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema's constraints, proved with raw SQL: they hold whoever writes the rows. */
class MigrationsTest {

    private static final String CHECK_VIOLATION = "23514";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private static Database database;

    @BeforeAll
    static void connect() {
        database = Database.connect(TestDatabase.fresh());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1000000000.01"})
    void amounts_out_of_range_are_refused(String amount) throws SQLException {
        long user = insertUser();

        assertThat(failureOf(insertOrderSql(user, "'Laptop'", amount, "'pending'")))
                .isEqualTo(CHECK_VIOLATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "1000000000.00"})
    void amounts_at_the_bounds_are_accepted(String amount) throws SQLException {
        long user = insertUser();

        assertThat(queryDecimal(insertOrderSql(user, "'Laptop'", amount, "'pending'") + " RETURNING amount"))
                .isEqualByComparingTo(amount);
    }

    @Test
    void a_third_decimal_is_rounded_by_the_column_so_the_domain_refuses_it_first() throws SQLException {
        long user = insertUser();

        BigDecimal stored = queryDecimal(insertOrderSql(user, "'Laptop'", "1.005", "'pending'") + " RETURNING amount");

        assertThat(stored).isEqualTo(new BigDecimal("1.01"));
        assertThatThrownBy(() -> Amount.of("1.005")).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'shipped'", "'PENDING'", "''"})
    void an_unknown_status_is_refused(String status) throws SQLException {
        long user = insertUser();

        assertThat(failureOf(insertOrderSql(user, "'Laptop'", "10", status))).isEqualTo(CHECK_VIOLATION);
    }

    @Test
    void a_blank_product_name_is_refused() throws SQLException {
        long user = insertUser();

        assertThat(failureOf(insertOrderSql(user, "'   '", "10", "'pending'"))).isEqualTo(CHECK_VIOLATION);
    }

    @Test
    void a_new_order_is_pending_unless_told_otherwise() throws SQLException {
        long user = insertUser();

        assertThat(queryText("""
                INSERT INTO orders (user_id, product_name, amount, created_at, updated_at)
                VALUES (%d, 'Laptop', 10, now(), now())
                RETURNING status""".formatted(user))).isEqualTo("pending");
    }

    @Test
    void a_duplicate_email_in_another_case_is_refused() throws SQLException {
        String local = "dup-" + UUID.randomUUID();
        insertUser(local + "@example.com");

        assertThat(failureOf(insertUserSql(local.toUpperCase(Locale.ROOT) + "@EXAMPLE.com")))
                .isEqualTo(UNIQUE_VIOLATION);
    }

    @Test
    void an_order_of_an_unknown_user_is_refused() {
        assertThat(failureOf(insertOrderSql(Long.MAX_VALUE, "'Laptop'", "10", "'pending'")))
                .isEqualTo(FOREIGN_KEY_VIOLATION);
    }

    @Test
    void history_of_an_unknown_order_is_refused() {
        assertThat(failureOf(insertHistorySql(Long.MAX_VALUE, "NULL", "'pending'", "'user'")))
                .isEqualTo(FOREIGN_KEY_VIOLATION);
    }

    @Test
    void only_the_placement_opens_a_history_without_an_origin() throws SQLException {
        long order = insertOrder(insertUser());

        assertThat(failureOf(insertHistorySql(order, "NULL", "'cancelled'", "'user'")))
                .isEqualTo(CHECK_VIOLATION);
        execute(insertHistorySql(order, "NULL", "'pending'", "'user'"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "'shipped', 'cancelled', 'user'",
                "'pending', 'shipped', 'user'",
                "'pending', 'cancelled', 'admin'"
            })
    void unknown_statuses_and_actors_are_refused_in_the_history(String fromToActor) throws SQLException {
        long order = insertOrder(insertUser());
        String[] values = fromToActor.split(", ");

        assertThat(failureOf(insertHistorySql(order, values[0], values[1], values[2])))
                .isEqualTo(CHECK_VIOLATION);
    }

    @Test
    void ids_are_drawn_from_the_sequences_the_repositories_name() throws SQLException {
        assertThat(queryText("SELECT pg_get_serial_sequence('users', 'id')")).isEqualTo("public.users_id_seq");
        assertThat(queryText("SELECT pg_get_serial_sequence('orders', 'id')")).isEqualTo("public.orders_id_seq");
    }

    @Test
    void orders_carry_only_the_indexes_the_services_statements_read() throws SQLException {
        String indexes = queryText("""
                SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes
                WHERE schemaname = 'public' AND tablename = 'orders'""");

        assertThat(indexes.split(","))
                .containsExactlyInAnyOrder(
                        "orders_pkey",
                        "idx_orders_user_page",
                        "idx_orders_user_status_page",
                        "idx_orders_pending_by_change",
                        "idx_orders_processing_by_change");
    }

    @Test
    void the_counts_migration_counts_the_orders_already_stored() throws SQLException {
        DatabaseSettings settings = TestDatabase.fresh();
        try (Connection connection = TestDatabase.connect(settings);
                Statement statement = connection.createStatement()) {
            Flyway flyway = Flyway.configure()
                    .dataSource(settings.jdbcUrl(), settings.username(), settings.password())
                    .locations("classpath:db/migration")
                    .target("8")
                    .load();
            flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class)
                    .setTransactionalLock(false);
            flyway.migrate();
            statement.execute("""
                    INSERT INTO users (name, email, password_hash, created_at)
                    SELECT 'User ' || g, 'user' || g || '@backfill.invalid', 'hash', now()
                    FROM generate_series(1, 3) g""");
            statement.execute("""
                    INSERT INTO orders (user_id, product_name, amount, status, created_at, updated_at)
                    SELECT (SELECT min(id) FROM users) + g % 3, 'Item', 10,
                           (ARRAY['pending', 'processing', 'completed', 'cancelled'])[1 + g % 4], now(), now()
                    FROM generate_series(1, 1000) g""");

            Database.connect(settings).close();

            assertThat(countsDisagreeingWithOrders(statement)).isZero();
            assertThat(queryLong(statement, "SELECT sum(count) FROM order_counts"))
                    .isEqualTo(1000);
        }
    }

    @Test
    void every_insert_status_change_and_delete_of_orders_moves_the_counts() throws SQLException {
        long user = insertUser();
        long first = insertOrder(user);
        long second = insertOrder(user);
        execute("UPDATE orders SET status = 'cancelled' WHERE id = " + first);
        execute("UPDATE orders SET product_name = 'Renamed' WHERE id = " + second);
        execute("UPDATE orders SET status = 'processing' WHERE id IN (%d, %d)".formatted(first, second));
        execute("DELETE FROM order_status_history WHERE order_id = " + first);
        execute("DELETE FROM orders WHERE id = " + first);

        assertThat(queryText("""
                        SELECT string_agg(status || '=' || count, ',' ORDER BY status) FROM order_counts
                        WHERE user_id = %d""".formatted(user))).isEqualTo("cancelled=0,pending=0,processing=1");
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(countsDisagreeingWithOrders(statement)).isZero();
        }
    }

    /** Users and statuses whose row of order_counts differs from a count of orders (a missing row counting 0). */
    private static long countsDisagreeingWithOrders(Statement statement) throws SQLException {
        return queryLong(statement, """
                SELECT count(*) FROM (SELECT user_id, status, count(*) AS count FROM orders GROUP BY user_id, status) o
                FULL JOIN order_counts c USING (user_id, status)
                WHERE COALESCE(o.count, 0) <> COALESCE(c.count, 0)""");
    }

    private static long queryLong(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getLong(1);
        }
    }

    private static String insertUserSql(String email) {
        return """
                INSERT INTO users (name, email, password_hash, created_at)
                VALUES ('Alice', '%s', 'hash', now())""".formatted(email);
    }

    private static String insertOrderSql(long user, String productName, String amount, String status) {
        return """
                INSERT INTO orders (user_id, product_name, amount, status, created_at, updated_at)
                VALUES (%d, %s, %s, %s, now(), now())""".formatted(user, productName, amount, status);
    }

    private static String insertHistorySql(long order, String from, String to, String actor) {
        return """
                INSERT INTO order_status_history (order_id, user_id, from_status, to_status, at, actor, sequence)
                VALUES (%1$d, COALESCE((SELECT user_id FROM orders WHERE id = %1$d), 0), %2$s, %3$s, now(), %4$s,
                        1 + (SELECT count(*) FROM order_status_history WHERE order_id = %1$d))""".formatted(order, from, to, actor);
    }

    private static long insertUser() throws SQLException {
        return insertUser("user-" + UUID.randomUUID() + "@example.com");
    }

    private static long insertUser(String email) throws SQLException {
        return Long.parseLong(queryText(insertUserSql(email) + " RETURNING id"));
    }

    private static long insertOrder(long user) throws SQLException {
        return Long.parseLong(queryText(insertOrderSql(user, "'Laptop'", "10", "'pending'") + " RETURNING id"));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
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

    private static BigDecimal queryDecimal(String sql) throws SQLException {
        return new BigDecimal(queryText(sql));
    }

    /** The SQLState the statement fails with; fails the test if it succeeds. */
    private static String failureOf(String sql) {
        try {
            execute(sql);
        } catch (SQLException failure) {
            return failure.getSQLState();
        }
        throw new AssertionError("expected the statement to be refused: " + sql);
    }
}
