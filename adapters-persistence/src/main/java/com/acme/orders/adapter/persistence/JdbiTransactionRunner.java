package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.out.TransactionRunner;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs work in one JDBI transaction. JDBI binds the open handle to the current thread, so the DAOs that the
 * repositories call inside {@code work} run their statements on that handle and join the transaction; an inner
 * {@code inTransaction} joins the outer one. An unchecked exception from {@code work} rolls back and propagates
 * unchanged.
 */
public final class JdbiTransactionRunner implements TransactionRunner {

    private final Jdbi jdbi;

    JdbiTransactionRunner(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
