package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.adapter.http.ConnectionLimits;
import com.acme.orders.adapter.http.ManagementSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppConfigTest {

    private static final String KEY = "a-production-secret-of-at-least-32-bytes!";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void with_nothing_set_the_defaults_of_the_contract_apply() {
        AppConfig config = AppConfig.from(env());

        assertThat(config.database()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.secretKey()).isEmpty();
        assertThat(config.tokens().algorithm()).isEqualTo("HS256");
        assertThat(config.tokens().accessTokenLifetime()).hasMinutes(15);
        assertThat(config.http().host()).isEqualTo("0.0.0.0");
        assertThat(config.http().port()).isEqualTo(8000);
        assertThat(config.scheduler().interval()).hasSeconds(120);
        assertThat(config.processing().grace()).isZero();
        assertThat(config.processing().lease()).hasSeconds(600);
        assertThat(config.processing().batchSize()).isEqualTo(500);
        assertThat(config.bcrypt().cost()).isEqualTo(12);
        assertThat(config.sessions().refreshTokenLifetime()).hasDays(14);
    }

    @Test
    void webhooks_take_the_defaults_of_the_contract_when_unset() {
        WebhookConfig webhooks = AppConfig.from(env()).webhooks();

        assertThat(webhooks.allowPrivateTargets()).isFalse();
        assertThat(webhooks.sender().timeout()).hasSeconds(10);
        assertThat(webhooks.retries().base()).hasSeconds(10);
        assertThat(webhooks.retries().maxAttempts()).isEqualTo(12);
    }

    @Test
    void the_webhook_settings_are_read() {
        WebhookConfig webhooks = AppConfig.from(env(
                        "WEBHOOK_ALLOW_PRIVATE_TARGETS", "true",
                        "WEBHOOK_TIMEOUT_SECONDS", "3",
                        "WEBHOOK_RETRY_BASE_SECONDS", "1",
                        "WEBHOOK_MAX_ATTEMPTS", "5"))
                .webhooks();

        assertThat(webhooks.allowPrivateTargets()).isTrue();
        assertThat(webhooks.sender().timeout()).hasSeconds(3);
        assertThat(webhooks.retries().base()).hasSeconds(1);
        assertThat(webhooks.retries().maxAttempts()).isEqualTo(5);
    }

    @Test
    void the_refresh_token_lifetime_is_read_in_days() {
        assertThat(AppConfig.from(env("REFRESH_TOKEN_EXPIRE_DAYS", "30"))
                        .sessions()
                        .refreshTokenLifetime())
                .hasDays(30);
    }

    @Test
    void the_prototypes_database_url_form_is_accepted() {
        AppConfig config = AppConfig.from(
                env("DATABASE_URL", "postgresql://alice:s%40cret@db.example:6543/orders", "SECRET_KEY", KEY));

        assertThat(config.database()).hasValueSatisfying(db -> {
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/orders");
            assertThat(db.username()).isEqualTo("alice");
            assertThat(db.password()).isEqualTo("s@cret");
        });
    }

    @Test
    void a_jdbc_database_url_is_accepted() {
        AppConfig config =
                AppConfig.from(env("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test", "SECRET_KEY", KEY));

        assertThat(config.database())
                .hasValueSatisfying(db -> assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:5432/test"));
    }

    @Test
    void the_configuration_never_prints_secrets() {
        AppConfig config =
                AppConfig.from(env("DATABASE_URL", "postgresql://alice:hunter2hunter2@db/orders", "SECRET_KEY", KEY));

        assertThat(config.toString()).doesNotContain("hunter2").doesNotContain(KEY);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "APP_PORT                          | abc         | APP_PORT: must be an integer between 0 and 65535",
                "APP_PORT                          | 70000       | APP_PORT: must be an integer between 0 and 65535",
                "ACCESS_TOKEN_EXPIRE_MINUTES       | 0           | ACCESS_TOKEN_EXPIRE_MINUTES: must be an integer",
                "ORDER_PROCESSING_INTERVAL_SECONDS | -5          | ORDER_PROCESSING_INTERVAL_SECONDS: must be an integer",
                "ORDER_PROCESSING_GRACE_SECONDS    | soon        | ORDER_PROCESSING_GRACE_SECONDS: must be an integer",
                "ORDER_PROCESSING_LEASE_SECONDS    | 0           | ORDER_PROCESSING_LEASE_SECONDS: must be an integer",
                "ORDER_PROCESSING_BATCH_SIZE       | 0           | ORDER_PROCESSING_BATCH_SIZE: must be an integer",
                "ALGORITHM                         | RS256       | ALGORITHM: must be HS256, HS384 or HS512",
                "ALGORITHM                         | none        | ALGORITHM: must be HS256, HS384 or HS512",
                "SECRET_KEY                        | too-short   | SECRET_KEY: must be at least 32 bytes",
                "BCRYPT_COST                       | 3           | BCRYPT_COST: must be an integer between 4 and 31",
                "DATABASE_URL                      | mysql://x/y | DATABASE_URL:",
                "LOGIN_RATE_PER_MINUTE_PER_ADDRESS | 0           | LOGIN_RATE_PER_MINUTE_PER_ADDRESS: must be an integer",
                "LOGIN_FAILURES_PER_ACCOUNT        | many        | LOGIN_FAILURES_PER_ACCOUNT: must be an integer",
                "LOGIN_FAILURE_WINDOW_MINUTES      | 0           | LOGIN_FAILURE_WINDOW_MINUTES: must be an integer",
                "CORS_ALLOWED_ORIGINS              | not a url   | CORS_ALLOWED_ORIGINS: 'not a url' is not an origin",
                "CORS_ALLOWED_ORIGINS              | *           | CORS_ALLOWED_ORIGINS: '*' is not an origin",
                "CORS_ALLOWED_ORIGINS              | https://shop.example/app | CORS_ALLOWED_ORIGINS: 'https://shop.example/app'",
                "CORS_ALLOWED_ORIGINS              | ftp://shop.example | CORS_ALLOWED_ORIGINS: 'ftp://shop.example'",
                "LOG_FORMAT                        | xml         | LOG_FORMAT: must be text or json, got 'xml'",
                "MANAGEMENT_PORT                   | 65536       | MANAGEMENT_PORT: must be an integer between 0 and 65535",
                "IDLE_TIMEOUT_SECONDS              | 0           | IDLE_TIMEOUT_SECONDS: must be an integer between 1",
                "MAX_CONNECTIONS                   | 0           | MAX_CONNECTIONS: must be an integer between 1",
                "REQUEST_READ_TIMEOUT_SECONDS      | 0           | REQUEST_READ_TIMEOUT_SECONDS: must be an integer",
                "MAX_ORDER_REQUESTS_IN_FLIGHT      | none        | MAX_ORDER_REQUESTS_IN_FLIGHT: must be an integer",
                "REFRESH_TOKEN_EXPIRE_DAYS         | 0           | REFRESH_TOKEN_EXPIRE_DAYS: must be an integer between 1 and 365",
                "REFRESH_TOKEN_EXPIRE_DAYS         | two weeks   | REFRESH_TOKEN_EXPIRE_DAYS: must be an integer between 1 and 365",
                "WEBHOOK_ALLOW_PRIVATE_TARGETS     | yes         | WEBHOOK_ALLOW_PRIVATE_TARGETS: must be true or false, got 'yes'",
                "WEBHOOK_TIMEOUT_SECONDS           | 0           | WEBHOOK_TIMEOUT_SECONDS: must be an integer between 1 and 60",
                "WEBHOOK_TIMEOUT_SECONDS           | 61          | WEBHOOK_TIMEOUT_SECONDS: must be an integer between 1 and 60",
                "WEBHOOK_RETRY_BASE_SECONDS        | 0           | WEBHOOK_RETRY_BASE_SECONDS: must be an integer between 1 and 21600",
                "WEBHOOK_RETRY_BASE_SECONDS        | 1.5         | WEBHOOK_RETRY_BASE_SECONDS: must be an integer between 1 and 21600",
                "WEBHOOK_MAX_ATTEMPTS              | 0           | WEBHOOK_MAX_ATTEMPTS: must be an integer between 1 and 100",
                "TRUSTED_PROXIES                   | lb.internal | TRUSTED_PROXIES: 'lb.internal' is not an IP address or a CIDR range",
                "TRUSTED_PROXIES                   | 10.0.0.0/33 | TRUSTED_PROXIES: '10.0.0.0/33': the prefix length must be a number from 0 to 32",
                "TRUSTED_PROXIES                   | 10.1.0.0/8  | TRUSTED_PROXIES: '10.1.0.0/8' has bits set past its prefix; did you mean 10.0.0.0/8?",
                "TRUSTED_PROXIES                   | 127.0.0.1;10.0.0.1 | TRUSTED_PROXIES: '127.0.0.1;10.0.0.1' is not an IP address",
                "HOUSEKEEPING_INTERVAL_SECONDS     | 0           | HOUSEKEEPING_INTERVAL_SECONDS: must be an integer between 1 and 86400",
            })
    void a_bad_value_stops_start_up_with_one_line_naming_the_variable(String name, String value, String message) {
        Map<String, String> env = env(name, value);
        if (!name.equals("SECRET_KEY")) {
            env.put("SECRET_KEY", KEY);
        }

        assertThatThrownBy(() -> AppConfig.from(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message)
                .message()
                .doesNotContain("\n");
    }

    @Test
    void the_management_listener_and_the_connection_limits_take_their_documented_defaults() {
        AppConfig config = AppConfig.from(env());

        assertThat(config.management()).hasValue(new ManagementSettings("0.0.0.0", 9000));
        assertThat(config.http().servesMetrics()).isFalse();
        assertThat(config.http().limits().idleTimeout()).hasSeconds(30);
        assertThat(config.http().limits().maxConnections()).isEqualTo(2_000);
        assertThat(config.http().limits().requestReadTimeout()).hasSeconds(10);
        assertThat(config.http().maxOrderRequestsInFlight())
                .as("4 per pool connection")
                .isEqualTo(40);
    }

    @Test
    void the_limits_are_read_and_the_in_flight_bound_follows_the_pool_unless_set() {
        AppConfig config = AppConfig.from(env(
                "MANAGEMENT_HOST", "127.0.0.1",
                "MANAGEMENT_PORT", "9100",
                "IDLE_TIMEOUT_SECONDS", "5",
                "MAX_CONNECTIONS", "100",
                "REQUEST_READ_TIMEOUT_SECONDS", "3",
                "DB_POOL_SIZE", "25"));

        assertThat(config.management()).hasValue(new ManagementSettings("127.0.0.1", 9100));
        assertThat(config.http().limits())
                .isEqualTo(new ConnectionLimits(Duration.ofSeconds(5), 100, Duration.ofSeconds(3)));
        assertThat(config.http().maxOrderRequestsInFlight()).isEqualTo(100);
        assertThat(AppConfig.from(env("MAX_ORDER_REQUESTS_IN_FLIGHT", "7"))
                        .http()
                        .maxOrderRequestsInFlight())
                .isEqualTo(7);
    }

    @Test
    void a_management_port_equal_to_the_api_port_means_one_listener_serving_the_metrics_too() {
        AppConfig shared = AppConfig.from(env("APP_PORT", "8080", "MANAGEMENT_PORT", "8080"));
        assertThat(shared.management()).isEmpty();
        assertThat(shared.http().servesMetrics()).isTrue();

        AppConfig bothFree = AppConfig.from(env("APP_PORT", "0", "MANAGEMENT_PORT", "0"));
        assertThat(bothFree.management()).as("0 is a free port each").hasValue(new ManagementSettings("0.0.0.0", 0));
        assertThat(bothFree.http().servesMetrics()).isFalse();
    }

    @Test
    void log_format_is_text_unless_json_is_asked_for() {
        assertThat(AppConfig.from(env()).logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(AppConfig.from(env("LOG_FORMAT", "json")).logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(AppConfig.from(env("LOG_FORMAT", " JSON ")).logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(AppConfig.from(env("LOG_FORMAT", "text")).logFormat()).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void cors_is_off_no_proxy_is_trusted_and_login_throttling_takes_its_documented_defaults_when_unset() {
        AppConfig config = AppConfig.from(env());

        assertThat(config.http().corsAllowedOrigins()).isEmpty();
        assertThat(config.http().trustedProxies().isEmpty()).isTrue();
        assertThat(config.loginLimits().requestsPerMinutePerAddress()).isEqualTo(20);
        assertThat(config.loginLimits().failuresPerAccount()).isEqualTo(5);
        assertThat(config.loginLimits().failureWindow()).hasMinutes(15);
        assertThat(config.scheduler().housekeepingInterval()).hasMinutes(10);
    }

    @Test
    void trusted_proxies_are_addresses_and_ranges_of_both_families_and_the_housekeeping_interval_is_read() {
        AppConfig config = AppConfig.from(env(
                "TRUSTED_PROXIES", " 127.0.0.1, 10.0.0.0/8 ,2001:db8::/32,",
                "HOUSEKEEPING_INTERVAL_SECONDS", "60"));

        assertThat(config.http().trustedProxies()).hasToString("[127.0.0.1, 10.0.0.0/8, 2001:db8::/32]");
        assertThat(config.scheduler().housekeepingInterval()).hasSeconds(60);
    }

    @Test
    void cors_allowed_origins_and_login_limits_are_read() {
        AppConfig config = AppConfig.from(env(
                "CORS_ALLOWED_ORIGINS", " https://shop.example.com, http://localhost:3000 ,",
                "LOGIN_RATE_PER_MINUTE_PER_ADDRESS", "7",
                "LOGIN_FAILURES_PER_ACCOUNT", "3",
                "LOGIN_FAILURE_WINDOW_MINUTES", "30"));

        assertThat(config.http().corsAllowedOrigins())
                .containsExactly("https://shop.example.com", "http://localhost:3000");
        assertThat(config.loginLimits().requestsPerMinutePerAddress()).isEqualTo(7);
        assertThat(config.loginLimits().failuresPerAccount()).isEqualTo(3);
        assertThat(config.loginLimits().failureWindow()).hasMinutes(30);
    }

    @Test
    void an_external_database_without_a_secret_key_is_refused() {
        assertThatThrownBy(() -> AppConfig.from(env("DATABASE_URL", "postgresql://u@localhost/orders")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SECRET_KEY: is required when DATABASE_URL is set");
    }

    @Test
    void without_a_pooler_setting_the_service_talks_to_postgresql_directly_and_migrates_there() {
        AppConfig config = AppConfig.from(env("DATABASE_URL", "postgresql://u@db/orders", "SECRET_KEY", KEY));

        assertThat(config.pooler().transactionPooler()).isFalse();
        assertThat(config.pooler().migrations()).isEmpty();
    }

    @Test
    void behind_a_transaction_pooler_migrations_take_the_direct_url() {
        AppConfig config = AppConfig.from(env(
                "DATABASE_URL", "postgresql://u:hunter2@pgbouncer:6432/orders",
                "DATABASE_POOLER", "transaction",
                "DATABASE_MIGRATION_URL", "postgresql://owner:hunter3@db:5432/orders",
                "SECRET_KEY", KEY));

        assertThat(config.pooler().transactionPooler()).isTrue();
        assertThat(config.pooler().migrations()).hasValueSatisfying(direct -> {
            assertThat(direct.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/orders");
            assertThat(direct.username()).isEqualTo("owner");
        });
        assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("hunter3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "DATABASE_POOLER=session | DATABASE_POOLER: must be none or transaction, got 'session'",
                "DATABASE_POOLER=transaction | DATABASE_MIGRATION_URL: is required with DATABASE_POOLER=transaction",
                "DATABASE_MIGRATION_URL=mysql://db/orders | DATABASE_MIGRATION_URL: the database URL must start with",
            })
    void a_pooler_setting_that_cannot_work_stops_start_up_naming_the_variable(String setting, String message) {
        String[] pair = setting.split("=", 2);

        assertThatThrownBy(() -> AppConfig.from(
                        env("DATABASE_URL", "postgresql://u@pgbouncer/orders", "SECRET_KEY", KEY, pair[0], pair[1])))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void a_transaction_pooler_url_that_asks_for_server_side_prepared_statements_is_refused() {
        assertThatThrownBy(() -> AppConfig.from(env(
                        "DATABASE_URL", "jdbc:postgresql://pgbouncer:6432/orders?prepareThreshold=5",
                        "DATABASE_POOLER", "transaction",
                        "DATABASE_MIGRATION_URL", "postgresql://u@db/orders",
                        "SECRET_KEY", KEY)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("DATABASE_URL: prepareThreshold must be 0 or absent with DATABASE_POOLER=transaction, "
                        + "got '5'");
    }

    @Test
    void pooler_settings_without_an_external_database_are_refused() {
        assertThatThrownBy(() -> AppConfig.from(env("DATABASE_POOLER", "transaction")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_POOLER: transaction needs DATABASE_URL");
        assertThatThrownBy(() -> AppConfig.from(env("DATABASE_MIGRATION_URL", "postgresql://u@db/orders")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_MIGRATION_URL: is used only with DATABASE_URL");
    }

    @Test
    void a_database_password_never_appears_in_an_error() {
        assertThatThrownBy(() -> AppConfig.from(
                        env("DATABASE_URL", "postgresql://u:hunter2@host:notaport/db", "SECRET_KEY", KEY)))
                .isInstanceOf(ConfigException.class)
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void a_dot_env_file_is_read_and_the_real_environment_wins(@org.junit.jupiter.api.io.TempDir Path directory)
            throws java.io.IOException {
        java.nio.file.Files.writeString(directory.resolve(".env"), """
                # as the prototype's .env.example
                APP_PORT=9001
                ACCESS_TOKEN_EXPIRE_MINUTES=30
                """);

        AppConfig config = AppConfig.load(directory, env("APP_PORT", "9002"));

        assertThat(config.tokens().accessTokenLifetime()).hasMinutes(30);
        assertThat(config.http().port()).isEqualTo(9002);
    }

    @Test
    void without_a_dot_env_file_the_defaults_apply(@org.junit.jupiter.api.io.TempDir Path directory) {
        assertThat(AppConfig.load(directory, env()).http().port()).isEqualTo(8000);
    }

    @Test
    void a_bad_value_in_the_dot_env_file_names_its_variable(@org.junit.jupiter.api.io.TempDir Path directory)
            throws java.io.IOException {
        java.nio.file.Files.writeString(directory.resolve(".env"), "APP_PORT=eighty\n");

        assertThatThrownBy(() -> AppConfig.load(directory, env()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("APP_PORT:");
    }
}
