package com.acme.orders.adapter.persistence;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.application.port.out.UserRepository;
import com.acme.orders.application.port.out.UserRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiUserRepositoryTest extends UserRepositoryContract {

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
    protected UserRepository users() {
        return database.users();
    }
}
