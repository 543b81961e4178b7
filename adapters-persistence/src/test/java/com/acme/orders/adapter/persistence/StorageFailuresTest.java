package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.application.port.out.StorageUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P02", "57P03"})
    void failures_to_reach_the_server_become_storage_unavailable(String sqlState) {
        RuntimeException wrapped = new IllegalStateException("statement failed", new SQLException("gone", sqlState));

        assertThat(StorageFailures.translate(wrapped))
                .isInstanceOf(StorageUnavailableException.class)
                .hasCause(wrapped);
    }

    @Test
    void a_pool_that_cannot_hand_out_a_connection_in_time_is_storage_unavailable() {
        RuntimeException wrapped = new IllegalStateException(new SQLTransientConnectionException("timeout"));

        assertThat(StorageFailures.translate(wrapped)).isInstanceOf(StorageUnavailableException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23514", "42P01", "40001"})
    void other_database_failures_pass_unchanged(String sqlState) {
        RuntimeException wrapped = new IllegalStateException(new SQLException("refused", sqlState));

        assertThat(StorageFailures.translate(wrapped)).isSameAs(wrapped);
    }

    @Test
    void the_translating_proxy_rethrows_translated_and_untranslated_failures_of_the_target() {
        @SuppressWarnings("unchecked")
        Supplier<String> unreachable = StorageFailures.translating(Supplier.class, () -> {
            throw new IllegalStateException(new SQLException("gone", "08006"));
        });
        @SuppressWarnings("unchecked")
        Supplier<String> failing = StorageFailures.translating(Supplier.class, () -> {
            throw new IllegalArgumentException("a rule");
        });
        @SuppressWarnings("unchecked")
        Supplier<String> working = StorageFailures.translating(Supplier.class, () -> "fine");

        assertThatThrownBy(unreachable::get).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(failing::get)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a rule");
        assertThat(working.get()).isEqualTo("fine");
    }
}
