package com.acme.orders.application.testing;

import com.acme.orders.application.port.out.UserRepository;
import com.acme.orders.application.port.out.UserRepositoryContract;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected UserRepository users() {
        return store.users();
    }
}
