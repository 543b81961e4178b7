package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing (Jazzer) of {@code DATABASE_URL}, read by {@link DatabaseSettings#fromUrl}: any text gives
 * settings or an {@link InvalidDatabaseUrlException} (which stops start-up with one line), never another failure;
 * a URL built from a user name, password and database name takes each back exactly, however it had to be encoded;
 * and no settings print their password.
 *
 * <p>{@link #anyUrl} is the target of the bounded fuzzing run of the build; it is also a regression test on its
 * inputs in {@code src/test/resources/com/acme/orders/adapter/persistence/DatabaseUrlFuzzTestInputs/anyUrl/}.
 */
class DatabaseUrlFuzzTest {

    @FuzzTest(maxDuration = "1m")
    @DictionaryEntries({
        "postgresql://",
        "postgres://",
        "jdbc:postgresql://",
        "?user=",
        "&password=",
        "@",
        ":",
        "%",
        "[::1]"
    })
    void anyUrl(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            builtFromParts(data);
            return;
        }
        String url = data.consumeRemainingAsString();
        try {
            DatabaseSettings settings = DatabaseSettings.fromUrl(url);
            assertThat(settings.jdbcUrl()).startsWith("jdbc:postgresql:");
            assertPasswordNotShown(settings);
        } catch (InvalidDatabaseUrlException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private static void builtFromParts(FuzzedDataProvider data) {
        String user = data.consumeString(30);
        String password = data.consumeString(30);
        String database = data.consumeString(30);
        int port = data.consumeInt(1, 65_535);
        String url = "postgresql://" + encoded(user) + ":" + encoded(password) + "@db.example:" + port + "/"
                + encoded(database);
        try {
            DatabaseSettings settings = DatabaseSettings.fromUrl(url);
            assertThat(settings.username()).isEqualTo(user.isEmpty() ? null : user);
            assertThat(settings.password()).isEqualTo(password);
            assertThat(settings.jdbcUrl()).startsWith("jdbc:postgresql://db.example:" + port + "/");
            assertPasswordNotShown(settings);
        } catch (InvalidDatabaseUrlException refused) {
            // only a database name that cannot be one may be refused
            assertThat(database.isEmpty() || database.contains("/"))
                    .as(url + " refused: " + refused.getMessage())
                    .isTrue();
        }
    }

    private static void assertPasswordNotShown(DatabaseSettings settings) {
        assertThat(settings.toString())
                .contains(", password=" + (settings.password() == null ? "(none)" : "****") + ", ");
    }

    /** Every byte but the unreserved characters of RFC 3986 as {@code %XX}. */
    private static String encoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
