package com.acme.orders.application.testing;

import com.acme.orders.application.port.out.OrderEventFeed;
import com.acme.orders.application.port.out.OrderEventFeedContract;
import com.acme.orders.application.port.out.OrderRepository;
import com.acme.orders.application.port.out.TransactionRunner;
import com.acme.orders.application.port.out.UserRepository;

class InMemoryOrderEventFeedTest extends OrderEventFeedContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected OrderEventFeed events() {
        return store.events();
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
