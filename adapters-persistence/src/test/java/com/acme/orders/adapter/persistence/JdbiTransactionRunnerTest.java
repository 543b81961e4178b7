package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.PasswordHash;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiTransactionRunnerTest {

    private static Database database;

    @BeforeAll
    static void connect() {
        database = Database.connect(TestDatabase.fresh());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void a_nested_transaction_joins_the_outer_one_and_rolls_back_with_it() {
        User inner = newUser();

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
            database.transactions().inTransaction(() -> {
                database.users().add(inner);
                return null;
            });
            throw new IllegalStateException("outer work fails after the inner one returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(database.users().findById(inner.id())).isEmpty();
    }

    @Test
    void the_exception_of_the_work_propagates_itself_not_a_wrapper() {
        IllegalArgumentException thrown = new IllegalArgumentException("refused");

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
            throw thrown;
        })).isSameAs(thrown);
    }

    @Test
    void the_result_of_the_work_is_returned_and_committed() {
        User user = newUser();

        User added = database.transactions().inTransaction(() -> {
            database.users().add(user);
            return user;
        });

        assertThat(added).isSameAs(user);
        assertThat(database.users().findById(user.id())).contains(user);
    }

    private static User newUser() {
        return new User(database.users().nextId(), new UserName("Tx Tester"),
                new Email("tx-" + UUID.randomUUID() + "@example.com"), new PasswordHash("$2a$04$hash"),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
