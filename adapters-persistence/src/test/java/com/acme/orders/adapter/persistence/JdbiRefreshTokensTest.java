package com.acme.orders.adapter.persistence;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.application.port.out.RefreshTokens;
import com.acme.orders.application.port.out.RefreshTokensContract;
import com.acme.orders.application.port.out.TransactionRunner;
import com.acme.orders.application.port.out.UserRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiRefreshTokensTest extends RefreshTokensContract {

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
    protected RefreshTokens tokens() {
        return database.refreshTokens();
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
