package com.acme.orders.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the fake adds to the contract tests: rollback of every table, nesting, and ids that are never reused. */
class InMemoryTransactionRunnerTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final InMemoryStore store = new InMemoryStore();

    private Order placeFor(User owner) {
        Order order = Order.place(store.orders().nextId(), owner.id(), new ProductName("Laptop"), Amount.of("10"), T0);
        store.orders().add(order);
        return order;
    }

    @Test
    void failing_work_undoes_users_orders_and_status_changes_alike() {
        User existing = Users.stored(store.users(), "existing@example.com");
        Order pending = placeFor(existing);
        User[] added = new User[1];

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    added[0] = Users.stored(store.users(), "new@example.com");
                    placeFor(added[0]);
                    store.orders()
                            .applyIfCurrent(pending.id(), existing.id(), StatusChange.cancellation(T0.plusSeconds(1)));
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");

        assertThat(store.users().findById(added[0].id())).isEmpty();
        assertThat(store.users().findByEmail(new Email("new@example.com"))).isEmpty();
        assertThat(store.orders().findById(pending.id())).contains(pending);
        assertThat(store.orders().history(pending.id())).containsExactly(StatusChange.placement(T0));
    }

    @Test
    void a_nested_transaction_joins_the_outer_one_and_is_undone_with_it() {
        User owner = Users.stored(store.users(), "owner@example.com");
        Order[] inner = new Order[1];

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    inner[0] = store.transactions().inTransaction(() -> placeFor(owner));
                    throw new IllegalStateException("outer fails after inner finished");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.orders().findById(inner[0].id())).isEmpty();
    }

    @Test
    void successful_work_returns_its_result_and_stays() {
        User owner = Users.stored(store.users(), "owner@example.com");

        Order order = store.transactions().inTransaction(() -> placeFor(owner));

        assertThat(store.orders().findById(order.id())).contains(order);
    }

    @Test
    void ids_handed_out_in_a_failed_transaction_are_not_handed_out_again() {
        long[] seen = new long[1];
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    seen[0] = store.orders().nextId().value();
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.orders().nextId().value()).isGreaterThan(seen[0]);
    }

    @Test
    void an_order_of_an_unknown_user_is_refused_as_a_foreign_key_would() {
        Order order =
                Order.place(store.orders().nextId(), new UserId(999), new ProductName("Laptop"), Amount.of("10"), T0);

        assertThatThrownBy(() -> store.orders().add(order)).isInstanceOf(IllegalStateException.class);
    }
}
