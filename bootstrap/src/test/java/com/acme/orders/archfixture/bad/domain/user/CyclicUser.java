package com.acme.orders.archfixture.bad.domain.user;

import com.acme.orders.archfixture.bad.domain.order.CyclicOrder;
import java.util.ArrayList;
import java.util.List;

/** The other half of the cycle of {@link CyclicOrder}: a user holding its orders. */
public final class CyclicUser {

    private final List<CyclicOrder> orders = new ArrayList<>();

    public List<CyclicOrder> orders() {
        return orders;
    }
}
