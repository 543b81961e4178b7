package com.acme.orders.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work in one transaction: every repository call inside {@code work} on this thread commits together, or none
 * does when {@code work} throws. Nested calls join the outer transaction.
 */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);
}
