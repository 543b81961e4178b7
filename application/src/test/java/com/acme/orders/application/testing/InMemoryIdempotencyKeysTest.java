package com.acme.orders.application.testing;

import com.acme.orders.application.port.out.IdempotencyKeys;
import com.acme.orders.application.port.out.IdempotencyKeysContract;
import com.acme.orders.application.port.out.OrderRepository;
import com.acme.orders.application.port.out.TransactionRunner;
import com.acme.orders.application.port.out.UserRepository;

class InMemoryIdempotencyKeysTest extends IdempotencyKeysContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected IdempotencyKeys keys() {
        return store.idempotencyKeys();
    }

    @Override
    protected OrderRepository orders() {
        return store.orders();
    }

    @Override
    protected UserRepository users() {
        return store.users();
    }

    @Override
    protected TransactionRunner transactions() {
        return store.transactions();
    }
}
