package com.acme.orders.application.testing;

import com.acme.orders.application.port.out.RefreshTokens;
import com.acme.orders.application.port.out.RefreshTokensContract;
import com.acme.orders.application.port.out.TransactionRunner;
import com.acme.orders.application.port.out.UserRepository;

class InMemoryRefreshTokensTest extends RefreshTokensContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected RefreshTokens tokens() {
        return store.refreshTokens();
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
