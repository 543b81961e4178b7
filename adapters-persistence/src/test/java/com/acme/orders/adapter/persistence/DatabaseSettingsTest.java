package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

    @Test
    void the_prototype_form_becomes_a_jdbc_url_with_the_credentials_beside_it() {
        DatabaseSettings settings =
                DatabaseSettings.fromUrl("postgresql://orders:s3cret@db.example.com:6543/orders_db");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/orders_db");
        assertThat(settings.username()).isEqualTo("orders");
        assertThat(settings.password()).isEqualTo("s3cret");
        assertThat(settings.maximumPoolSize()).isEqualTo(DatabaseSettings.DEFAULT_MAXIMUM_POOL_SIZE);
    }

    @Test
    void the_postgres_scheme_is_read_the_same_way() {
        assertThat(DatabaseSettings.fromUrl("postgres://orders:s3cret@localhost:5433/orders_db"))
                .isEqualTo(new DatabaseSettings("jdbc:postgresql://localhost:5433/orders_db", "orders", "s3cret", 10));
    }

    @Test
    void the_port_defaults_to_5432() {
        assertThat(DatabaseSettings.fromUrl("postgresql://orders:s3cret@localhost/orders_db")
                        .jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/orders_db");
    }

    @Test
    void a_percent_encoded_user_and_password_are_decoded_and_a_plus_stays_a_plus() {
        DatabaseSettings settings = DatabaseSettings.fromUrl("postgresql://ali%63e:p%40ss%3Aw%2Frd%25+%C3%A9@h/db");

        assertThat(settings.username()).isEqualTo("alice");
        assertThat(settings.password()).isEqualTo("p@ss:w/rd%+é");
    }

    @Test
    void an_unencoded_at_sign_in_the_password_still_works() {
        DatabaseSettings settings = DatabaseSettings.fromUrl("postgresql://orders:p@ss@h:5432/db");

        assertThat(settings.password()).isEqualTo("p@ss");
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    void a_user_without_a_password_has_none() {
        DatabaseSettings settings = DatabaseSettings.fromUrl("postgresql://postgres@127.0.0.1:5432/test");

        assertThat(settings.username()).isEqualTo("postgres");
        assertThat(settings.password()).isNull();
    }

    @Test
    void query_parameters_are_kept_for_the_driver() {
        assertThat(DatabaseSettings.fromUrl("postgresql://u:p@h:5432/db?sslmode=require&connectTimeout=3")
                        .jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/db?sslmode=require&connectTimeout=3");
    }

    @Test
    void a_user_and_password_among_the_parameters_move_out_of_the_url() {
        DatabaseSettings settings =
                DatabaseSettings.fromUrl("postgresql://h/db?user=app&sslmode=require&password=p%26w");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?sslmode=require");
        assertThat(settings.username()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("p&w");
    }

    @Test
    void an_ipv6_host_is_kept_in_brackets() {
        assertThat(DatabaseSettings.fromUrl("postgresql://u@[::1]:5433/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5433/db");
    }

    @Test
    void a_jdbc_url_passes_through() {
        DatabaseSettings settings = DatabaseSettings.fromUrl("jdbc:postgresql://h:5432/db?sslmode=require");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?sslmode=require");
        assertThat(settings.username()).isNull();
        assertThat(settings.password()).isNull();
    }

    @Test
    void a_jdbc_url_gives_up_its_user_and_password() {
        DatabaseSettings settings =
                DatabaseSettings.fromUrl("jdbc:postgresql://h/db?user=app&password=p%26w+x&ssl=true");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?ssl=true");
        assertThat(settings.username()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("p&w x");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "mysql://u:p@h/db",
                "not a url",
                "postgresql://",
                "postgresql://u:p@/db",
                "postgresql://u:p@h:port/db",
                "postgresql://u:p@h:70000/db",
                "postgresql://u:p@h:0/db",
                "postgresql://u:p@h:5432",
                "postgresql://u:p@h:5432/",
                "postgresql://u:p%zz@h/db",
                "postgresql://u:p@h/db#fragment",
                "postgresql://u:p@[::1/db",
                "postgresql://u:p@h h/db",
                "jdbc:postgresql:",
                "jdbc:mysql://h/db"
            })
    void garbage_is_refused_with_a_message_saying_what_is_wrong(String url) {
        assertThatThrownBy(() -> DatabaseSettings.fromUrl(url))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageStartingWith("the ");
    }

    @Test
    void a_null_url_is_refused() {
        assertThatThrownBy(() -> DatabaseSettings.fromUrl(null)).isInstanceOf(InvalidDatabaseUrlException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "postgresql://u:hunter2secret@h:notaport/db",
                "postgresql://u:hunter2secret@h/",
                "postgresql://u:hunter2secret%z@h/db",
                "postgresql://u:hunter2/secret@h/db",
                "postgresql://u:hunter2#secret@h/db"
            })
    void an_error_never_shows_the_password(String url) {
        assertThatThrownBy(() -> DatabaseSettings.fromUrl(url))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .message()
                .doesNotContain("hunter2")
                .doesNotContain("secret");
    }

    @Test
    void to_string_hides_the_password() {
        DatabaseSettings settings = DatabaseSettings.fromUrl("postgresql://orders:hunter2secret@h:5432/db");

        assertThat(settings.toString())
                .doesNotContain("hunter2secret")
                .contains("password=****")
                .contains("orders");
    }

    @Test
    void to_string_hides_passwords_left_in_a_jdbc_url() {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:postgresql://h/db?password=hunter2&sslpassword=secret&ssl=true", null, null, 5);

        assertThat(settings.toString())
                .doesNotContain("hunter2")
                .doesNotContain("secret")
                .contains("ssl=true")
                .contains("password=(none)");
    }

    @Test
    void a_pool_smaller_than_one_connection_is_refused() {
        DatabaseSettings settings = DatabaseSettings.fromUrl("postgresql://u@h/db");

        assertThatThrownBy(() -> settings.withMaximumPoolSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.withMaximumPoolSize(3).maximumPoolSize()).isEqualTo(3);
    }
}
