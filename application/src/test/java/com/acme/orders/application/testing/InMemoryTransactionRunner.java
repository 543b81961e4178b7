package com.acme.orders.application.testing;

import com.acme.orders.application.port.out.TransactionRunner;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Transactions over an {@link InMemoryStore}: the work runs alone, and everything it changed in the store is undone
 * when it throws. Nested calls join the outer transaction.
 */
public final class InMemoryTransactionRunner implements TransactionRunner {

    private final InMemoryStore store;

    public InMemoryTransactionRunner(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return store.inTransaction(work);
    }
}
