package com.acme.orders.application.port.in.order;

import com.acme.orders.application.port.PageCursor;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a user's orders: an optional status filter, a page size of 1 to 100, and where the previous page
 * ended (empty for the first page).
 */
public record ListOrdersQuery(UserId ownerId, Optional<OrderStatus> status, int limit, Optional<PageCursor> after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public ListOrdersQuery {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(after, "after");
        checkedLimit(limit);
    }

    /** The page size, if it is one: 1 to {@value #MAX_LIMIT}. */
    public static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidValueException.because("must be an integer between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    public static ListOrdersQuery firstPage(UserId ownerId) {
        return new ListOrdersQuery(ownerId, Optional.empty(), DEFAULT_LIMIT, Optional.empty());
    }
}
