package com.acme.orders.adapter.persistence;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.application.port.out.IdempotencyKeys;
import com.acme.orders.application.port.out.IdempotencyKeysContract;
import com.acme.orders.application.port.out.OrderRepository;
import com.acme.orders.application.port.out.TransactionRunner;
import com.acme.orders.application.port.out.UserRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiIdempotencyKeysTest extends IdempotencyKeysContract {

    private static Database database;

    @BeforeAll
    static void connect() {
        database = Database.connect(TestDatabase.fresh());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    protected IdempotencyKeys keys() {
        return database.idempotencyKeys();
    }

    @Override
    protected OrderRepository orders() {
        return database.orders();
    }

    @Override
    protected UserRepository users() {
        return database.users();
    }

    @Override
    protected TransactionRunner transactions() {
        return database.transactions();
    }
}
