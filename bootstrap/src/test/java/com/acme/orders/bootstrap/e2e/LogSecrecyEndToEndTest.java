package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The logs never hold a password, a token, a password hash or the signing key: every event logged across
 * registration, log-in, failed log-ins, authenticated calls and internal errors is searched for them.
 */
class LogSecrecyEndToEndTest {

    private static final String PASSWORD = "Secret-Pass-7711";
    private static final String WRONG_PASSWORD = "Wrong-Pass-9922";

    @Test
    void no_log_line_contains_a_password_a_token_a_password_hash_or_the_secret_key() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("com.acme");
        Logger access = (Logger) LoggerFactory.getLogger("access");
        Level oursBefore = ours.getLevel();
        Level accessBefore = access.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        ours.setLevel(Level.DEBUG);
        access.setLevel(Level.INFO);
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG_PASSWORD, "$2a$", RunningService.SECRET));
        try (RunningService service = RunningService.start()) {
            ApiClient api = service.client();
            String email = api.register(PASSWORD);
            String token = api.login(email, PASSWORD);
            secrets.add(token);
            secrets.add(token.substring(token.lastIndexOf('.') + 1));
            api.post("/auth/login", ApiClient.json(Map.of("email", email, "password", WRONG_PASSWORD)), null);
            api.post("/auth/login", ApiClient.json(Map.of("email", "nobody@example.com", "password", PASSWORD)), null);
            api.post("/auth/register", "{\"name\":\"X\",\"email\":\"bad\",\"password\":\"" + PASSWORD + "\"}", null);
            long id = api.placeOrder(token, "Widget", "9.99");
            api.get("/orders/" + id, token);
            api.get("/orders?access_token=" + token, null);
            api.get("/orders", token + "x");

            TestSql.execute(service.database(), "ALTER TABLE orders RENAME TO orders_gone");
            try {
                assertThat(api.get("/orders", token).status()).isEqualTo(500);
            } finally {
                TestSql.execute(service.database(), "ALTER TABLE orders_gone RENAME TO orders");
            }
            TestSql.execute(
                    service.database(), "ALTER TABLE users ADD CONSTRAINT refuse_everyone CHECK (false) NOT VALID");
            assertThat(api.post(
                                    "/auth/register",
                                    ApiClient.json(Map.of(
                                            "name",
                                            "Refused User",
                                            "email",
                                            "refused@example.com",
                                            "password",
                                            PASSWORD)),
                                    null)
                            .status())
                    .isEqualTo(500);
        } finally {
            root.detachAppender(captured);
            ours.setLevel(oursBefore);
            access.setLevel(accessBefore);
        }

        List<String> lines = new ArrayList<>();
        synchronized (captured) {
            for (ILoggingEvent event : captured.list) {
                StringBuilder line = new StringBuilder(event.getFormattedMessage());
                line.append(' ').append(event.getMDCPropertyMap());
                if (event.getThrowableProxy() != null) {
                    line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
                }
                lines.add(line.toString());
            }
        }
        assertThat(lines).as("something was logged").isNotEmpty();
        assertThat(lines).as("an internal error was logged").anyMatch(line -> line.contains("Unexpected failure"));
        for (String secret : secrets) {
            assertThat(lines).as("log lines containing a secret").noneMatch(line -> line.contains(secret));
        }
    }
}
