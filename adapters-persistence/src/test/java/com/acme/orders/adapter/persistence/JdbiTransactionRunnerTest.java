package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.PasswordHash;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserName;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
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
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(database.users().findById(inner.id())).isEmpty();
    }

    @Test
    void the_statements_of_the_repositories_join_the_transaction() {
        User owner = newUser();
        database.users().add(owner);
        Order order = Order.place(
                database.orders().nextId(),
                owner.id(),
                new ProductName("Tx laptop"),
                new Amount(new BigDecimal("10.00")),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
                    database.orders().add(order);
                    assertThat(database.orders().findById(order.id()))
                            .as("read inside the transaction")
                            .isPresent();
                    assertThat(database.orders()
                                    .findPage(owner.id(), Optional.empty(), Optional.empty(), 10)
                                    .orders())
                            .extracting(Order::id)
                            .containsExactly(order.id());
                    assertThat(database.users().tokenVersion(owner.id())).hasValue(0);
                    throw new IllegalStateException("the work fails after the order was added");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(database.orders().findById(order.id())).as("rolled back").isEmpty();
    }

    @Test
    void the_exception_of_the_work_propagates_itself_not_a_wrapper() {
        IllegalArgumentException thrown = new IllegalArgumentException("refused");

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
                    throw thrown;
                }))
                .isSameAs(thrown);
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
        return new User(
                database.users().nextId(),
                new UserName("Tx Tester"),
                new Email("tx-" + UUID.randomUUID() + "@example.com"),
                new PasswordHash("$2a$04$hash"),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
