package com.acme.orders.archfixture.bad.domain.order;

import com.acme.orders.archfixture.bad.domain.user.CyclicUser;

/** Breaks "packages are free of cycles": {@code domain.order} and {@code domain.user} know each other. */
public final class CyclicOrder {

    private final CyclicUser owner;

    public CyclicOrder(CyclicUser owner) {
        this.owner = owner;
    }

    public CyclicUser owner() {
        return owner;
    }
}
