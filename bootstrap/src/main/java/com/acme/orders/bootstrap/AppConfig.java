package com.acme.orders.bootstrap;

import com.acme.orders.adapter.http.AccessTokens;
import com.acme.orders.adapter.http.ConnectionLimits;
import com.acme.orders.adapter.http.HttpSettings;
import com.acme.orders.adapter.http.ManagementSettings;
import com.acme.orders.adapter.http.TokenSettings;
import com.acme.orders.adapter.http.TrustedProxies;
import com.acme.orders.adapter.password.BcryptPasswordHasher;
import com.acme.orders.adapter.password.BcryptSettings;
import com.acme.orders.adapter.persistence.DatabaseSettings;
import com.acme.orders.adapter.persistence.InvalidDatabaseUrlException;
import com.acme.orders.adapter.persistence.PoolerSettings;
import com.acme.orders.adapter.scheduler.SchedulerSettings;
import com.acme.orders.adapter.webhooks.WebhookSettings;
import com.acme.orders.application.service.LoginLimitSettings;
import com.acme.orders.application.service.ProcessingSettings;
import com.acme.orders.application.service.SessionSettings;
import com.acme.orders.domain.webhook.RetrySchedule;
import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's configuration, read from environment variables and a {@code .env} file in the working directory
 * (the real environment wins). Every value is checked here, once, and turned into the settings of the module that
 * uses it; a bad one stops start-up with one line naming the variable.
 *
 * @param database empty: run an embedded PostgreSQL under {@code dataDir}, with {@code databasePoolSize} connections
 * @param databasePoolSize {@code DB_POOL_SIZE}, the API's connections (already in {@code database} when that is set)
 * @param pooler {@code DATABASE_POOLER} and {@code DATABASE_MIGRATION_URL}: what stands between the service and
 *     PostgreSQL, and where the schema is migrated
 * @param secretKey empty: only allowed with the embedded database, which then keeps a generated development key
 * @param tokens {@code ALGORITHM}, {@code ACCESS_TOKEN_EXPIRE_MINUTES}
 * @param http {@code APP_HOST}, {@code APP_PORT}, {@code SHUTDOWN_TIMEOUT_SECONDS}, {@code CORS_ALLOWED_ORIGINS},
 *     {@code TRUSTED_PROXIES}, the connection limits {@code IDLE_TIMEOUT_SECONDS},
 *     {@code MAX_CONNECTIONS}, {@code REQUEST_READ_TIMEOUT_SECONDS}, and {@code MAX_ORDER_REQUESTS_IN_FLIGHT}
 * @param management {@code MANAGEMENT_HOST}, {@code MANAGEMENT_PORT}; empty when the management port is the API's
 *     (not 0): then the API's listener serves the metrics too
 * @param processing {@code ORDER_PROCESSING_GRACE_SECONDS}, {@code ORDER_PROCESSING_LEASE_SECONDS},
 *     {@code ORDER_PROCESSING_BATCH_SIZE}
 * @param scheduler {@code ORDER_PROCESSING_INTERVAL_SECONDS}, {@code HOUSEKEEPING_INTERVAL_SECONDS}
 * @param bcrypt {@code BCRYPT_COST}, {@code BCRYPT_THREADS}
 * @param shutdownDrain {@code SHUTDOWN_DRAIN_SECONDS}
 * @param logFormat {@code LOG_FORMAT}: {@code text} (default) or {@code json}
 * @param sessions {@code REFRESH_TOKEN_EXPIRE_DAYS}
 * @param loginLimits {@code LOGIN_RATE_PER_MINUTE_PER_ADDRESS}, {@code LOGIN_FAILURES_PER_ACCOUNT},
 *     {@code LOGIN_FAILURE_WINDOW_MINUTES}
 * @param webhooks {@code WEBHOOK_ALLOW_PRIVATE_TARGETS}, {@code WEBHOOK_TIMEOUT_SECONDS},
 *     {@code WEBHOOK_RETRY_BASE_SECONDS}, {@code WEBHOOK_MAX_ATTEMPTS}
 */
public record AppConfig(
        Optional<DatabaseSettings> database,
        int databasePoolSize,
        PoolerSettings pooler,
        Path dataDir,
        Optional<String> secretKey,
        TokenSettings tokens,
        HttpSettings http,
        Optional<ManagementSettings> management,
        ProcessingSettings processing,
        SchedulerSettings scheduler,
        BcryptSettings bcrypt,
        Duration shutdownDrain,
        LogFormat logFormat,
        SessionSettings sessions,
        LoginLimitSettings loginLimits,
        WebhookConfig webhooks) {

    /**
     * The default of {@code MAX_ORDER_REQUESTS_IN_FLIGHT}, per connection of the pool: one request using each
     * connection, and three more ready to take it, doing the work around the statement meanwhile (the token, the
     * JSON). More in flight would only wait for a connection; fewer would leave connections idle.
     */
    static final int IN_FLIGHT_PER_POOL_CONNECTION = 4;

    /** The version the service reports ({@code GET /}, the OpenAPI document). */
    static final String VERSION = "1.0.0";

    private static final Pattern PREPARE_THRESHOLD = Pattern.compile("[?&]prepareThreshold=([^&]*)");

    /** Reads the process environment over the {@code .env} file of the working directory. */
    public static AppConfig load() {
        return load(Path.of("."), System.getenv());
    }

    /** Reads {@code environment} over the {@code .env} file in {@code directory}, if there is one. */
    public static AppConfig load(Path directory, Map<String, String> environment) {
        Map<String, String> variables = new HashMap<>();
        try {
            for (DotenvEntry entry : Dotenv.configure()
                    .directory(directory.toString())
                    .ignoreIfMissing()
                    .load()
                    .entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                variables.put(entry.getKey(), entry.getValue());
            }
        } catch (DotenvException e) {
            throw new ConfigException(".env: cannot be read: " + e.getMessage());
        }
        variables.putAll(environment);
        return from(variables);
    }

    /** Checks and converts the given variables; missing ones take their documented defaults. */
    public static AppConfig from(Map<String, String> env) {
        Variables vars = new Variables(env);
        int poolSize = vars.integer("DB_POOL_SIZE", 10, 1, 200);
        Optional<DatabaseSettings> database = vars.text("DATABASE_URL").map(url -> {
            try {
                DatabaseSettings parsed = DatabaseSettings.fromUrl(url);
                return new DatabaseSettings(parsed.jdbcUrl(), parsed.username(), parsed.password(), poolSize);
            } catch (InvalidDatabaseUrlException e) {
                throw new ConfigException("DATABASE_URL: " + e.getMessage());
            }
        });
        PoolerSettings pooler = pooler(vars, database);
        Optional<String> secretKey = vars.text("SECRET_KEY");
        secretKey.ifPresent(key -> {
            int bytes = key.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < AccessTokens.MIN_SECRET_BYTES) {
                throw new ConfigException("SECRET_KEY: must be at least " + AccessTokens.MIN_SECRET_BYTES
                        + " bytes, got " + bytes + " (generate one with: openssl rand -base64 48)");
            }
        });
        if (secretKey.isEmpty() && database.isPresent()) {
            throw new ConfigException("SECRET_KEY: is required when DATABASE_URL is set "
                    + "(generate one with: openssl rand -base64 48)");
        }
        int appPort = vars.integer("APP_PORT", 8000, 0, 65_535);
        int managementPort = vars.integer("MANAGEMENT_PORT", 9000, 0, 65_535);
        // 0 picks a free port for each listener, so two 0s are two listeners
        boolean sharedListener = managementPort == appPort && appPort != 0;
        String algorithm = vars.text("ALGORITHM").orElse("HS256");
        if (!AccessTokens.isSupported(algorithm)) {
            throw new ConfigException("ALGORITHM: must be HS256, HS384 or HS512, got '" + algorithm + "'");
        }
        return new AppConfig(
                database,
                poolSize,
                pooler,
                Path.of(vars.text("DATA_DIR").orElse("data")),
                secretKey,
                new TokenSettings(
                        algorithm, Duration.ofMinutes(vars.integer("ACCESS_TOKEN_EXPIRE_MINUTES", 15, 1, 24 * 60))),
                new HttpSettings(
                        vars.text("APP_HOST").orElse("0.0.0.0"),
                        appPort,
                        VERSION,
                        Duration.ofSeconds(vars.integer("SHUTDOWN_TIMEOUT_SECONDS", 20, 0, 600)),
                        corsOrigins(vars),
                        trustedProxies(vars),
                        new ConnectionLimits(
                                Duration.ofSeconds(vars.integer("IDLE_TIMEOUT_SECONDS", 30, 1, 3_600)),
                                vars.integer("MAX_CONNECTIONS", 2_000, 1, 1_000_000),
                                Duration.ofSeconds(vars.integer("REQUEST_READ_TIMEOUT_SECONDS", 10, 1, 3_600))),
                        vars.integer(
                                "MAX_ORDER_REQUESTS_IN_FLIGHT", IN_FLIGHT_PER_POOL_CONNECTION * poolSize, 1, 1_000_000),
                        sharedListener),
                sharedListener
                        ? Optional.empty()
                        : Optional.of(new ManagementSettings(
                                vars.text("MANAGEMENT_HOST").orElse("0.0.0.0"), managementPort)),
                new ProcessingSettings(
                        Duration.ofSeconds(vars.integer("ORDER_PROCESSING_GRACE_SECONDS", 0, 0, 86_400)),
                        Duration.ofSeconds(vars.integer("ORDER_PROCESSING_LEASE_SECONDS", 600, 1, 86_400)),
                        vars.integer("ORDER_PROCESSING_BATCH_SIZE", 500, 1, 10_000)),
                new SchedulerSettings(
                        Duration.ofSeconds(vars.integer("ORDER_PROCESSING_INTERVAL_SECONDS", 120, 1, 86_400)),
                        Duration.ofSeconds(vars.integer(
                                "HOUSEKEEPING_INTERVAL_SECONDS",
                                (int) SchedulerSettings.DEFAULT_HOUSEKEEPING_INTERVAL.toSeconds(),
                                1,
                                86_400)),
                        true),
                new BcryptSettings(
                        vars.integer("BCRYPT_COST", 12, BcryptPasswordHasher.MIN_COST, BcryptPasswordHasher.MAX_COST),
                        vars.integer("BCRYPT_THREADS", Runtime.getRuntime().availableProcessors(), 1, 256),
                        BcryptSettings.DEFAULT_QUEUE_CAPACITY),
                Duration.ofSeconds(vars.integer("SHUTDOWN_DRAIN_SECONDS", 2, 0, 600)),
                LogFormat.parse(vars.text("LOG_FORMAT").orElse("text")),
                new SessionSettings(Duration.ofDays(vars.integer("REFRESH_TOKEN_EXPIRE_DAYS", 14, 1, 365))),
                new LoginLimitSettings(
                        vars.integer("LOGIN_RATE_PER_MINUTE_PER_ADDRESS", 20, 1, 1_000_000),
                        vars.integer("LOGIN_FAILURES_PER_ACCOUNT", 5, 1, 1_000_000),
                        Duration.ofMinutes(vars.integer("LOGIN_FAILURE_WINDOW_MINUTES", 15, 1, 24 * 60))),
                new WebhookConfig(
                        vars.bool("WEBHOOK_ALLOW_PRIVATE_TARGETS", false),
                        new WebhookSettings(Duration.ofSeconds(vars.integer("WEBHOOK_TIMEOUT_SECONDS", 10, 1, 60))),
                        new RetrySchedule(
                                Duration.ofSeconds(vars.integer("WEBHOOK_RETRY_BASE_SECONDS", 10, 1, (int)
                                        RetrySchedule.LONGEST_DELAY.toSeconds())),
                                vars.integer("WEBHOOK_MAX_ATTEMPTS", 12, 1, 100))));
    }

    /** {@code TRUSTED_PROXIES}: addresses and CIDR ranges whose {@code X-Forwarded-For} is believed; unset: none. */
    private static TrustedProxies trustedProxies(Variables vars) {
        try {
            return vars.text("TRUSTED_PROXIES").map(TrustedProxies::parse).orElse(TrustedProxies.NONE);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("TRUSTED_PROXIES: " + e.getMessage());
        }
    }

    /**
     * {@code DATABASE_POOLER}: {@code none}, or {@code transaction} when {@code DATABASE_URL} names a pooler in
     * transaction mode, which then needs {@code DATABASE_MIGRATION_URL}, a direct connection for Flyway's session
     * lock, and a URL that does not ask for server-side prepared statements.
     */
    private static PoolerSettings pooler(Variables vars, Optional<DatabaseSettings> database) {
        String mode = vars.text("DATABASE_POOLER").orElse("none");
        if (!mode.equals("none") && !mode.equals("transaction")) {
            throw new ConfigException("DATABASE_POOLER: must be none or transaction, got '" + mode + "'");
        }
        boolean transaction = mode.equals("transaction");
        Optional<DatabaseSettings> migrations = vars.text("DATABASE_MIGRATION_URL")
                .map(url -> {
                    try {
                        return DatabaseSettings.fromUrl(url);
                    } catch (InvalidDatabaseUrlException e) {
                        throw new ConfigException("DATABASE_MIGRATION_URL: " + e.getMessage());
                    }
                });
        if (database.isEmpty()) {
            if (transaction) {
                throw new ConfigException("DATABASE_POOLER: transaction needs DATABASE_URL, the pooler's address");
            }
            if (migrations.isPresent()) {
                throw new ConfigException("DATABASE_MIGRATION_URL: is used only with DATABASE_URL");
            }
            return PoolerSettings.NONE;
        }
        if (transaction) {
            if (migrations.isEmpty()) {
                throw new ConfigException("DATABASE_MIGRATION_URL: is required with DATABASE_POOLER=transaction: "
                        + "a direct connection to PostgreSQL, where Flyway can hold its session lock");
            }
            Matcher threshold = PREPARE_THRESHOLD.matcher(database.get().jdbcUrl());
            while (threshold.find()) {
                if (!threshold.group(1).equals("0")) {
                    throw new ConfigException("DATABASE_URL: prepareThreshold must be 0 or absent with "
                            + "DATABASE_POOLER=transaction, got '" + threshold.group(1) + "'");
                }
            }
        }
        return new PoolerSettings(transaction, migrations);
    }

    /** {@code CORS_ALLOWED_ORIGINS}: exact {@code http(s)://host[:port]} origins, as browsers send them. */
    private static List<String> corsOrigins(Variables vars) {
        List<String> origins = new ArrayList<>();
        for (String origin :
                vars.text("CORS_ALLOWED_ORIGINS").map(list -> list.split(",")).orElse(new String[0])) {
            String candidate = origin.strip();
            if (candidate.isEmpty()) {
                continue;
            }
            if (!isOrigin(candidate)) {
                throw new ConfigException("CORS_ALLOWED_ORIGINS: '" + candidate + "' is not an origin; list exact "
                        + "origins such as https://shop.example.com (scheme, host, optional port; no '*', no path)");
            }
            origins.add(candidate);
        }
        return List.copyOf(origins);
    }

    private static boolean isOrigin(String candidate) {
        try {
            URI uri = new URI(candidate);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Typed access to the variables with one-line errors. */
    private record Variables(Map<String, String> env) {

        Optional<String> text(String name) {
            return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
        }

        boolean bool(String name, boolean defaultValue) {
            Optional<String> raw = text(name);
            if (raw.isEmpty()) {
                return defaultValue;
            }
            return switch (raw.get()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new ConfigException(name + ": must be true or false, got '" + raw.get() + "'");
            };
        }

        int integer(String name, int defaultValue, int min, int max) {
            Optional<String> raw = text(name);
            if (raw.isEmpty()) {
                return defaultValue;
            }
            try {
                int value = Integer.parseInt(raw.get());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigException(
                    name + ": must be an integer between " + min + " and " + max + ", got '" + raw.get() + "'");
        }
    }

    @Override
    public String toString() {
        return "AppConfig[database=" + database.map(DatabaseSettings::toString).orElse("embedded")
                + ", databasePoolSize=" + databasePoolSize + ", pooler=" + pooler + ", dataDir=" + dataDir
                + ", secretKey=" + (secretKey.isPresent() ? "****" : "(development key)")
                + ", tokens=" + tokens + ", http=" + http + ", management=" + management + ", processing=" + processing
                + ", scheduler=" + scheduler
                + ", bcrypt=" + bcrypt + ", shutdownDrain=" + shutdownDrain + ", logFormat=" + logFormat
                + ", sessions=" + sessions + ", loginLimits=" + loginLimits
                + ", webhooks=" + webhooks + "]";
    }
}
