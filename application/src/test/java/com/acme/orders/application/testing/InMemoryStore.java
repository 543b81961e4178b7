package com.acme.orders.application.testing;

import com.acme.orders.application.port.out.RefreshTokenHash;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderEvent;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The state shared by {@link InMemoryUserRepository}, {@link InMemoryOrderRepository},
 * {@link InMemoryIdempotencyKeys}, {@link InMemoryRefreshTokens}, {@link InMemoryOrderEventFeed} and
 * {@link InMemoryTransactionRunner}: one "database" in memory.
 *
 * <p>Every read and write runs under one reentrant lock, so the store is serialisable: a repository call is atomic,
 * and a transaction holds the lock from its start to its end, so no other thread sees or interleaves with its work.
 * The outermost transaction snapshots every table first and restores them when its work throws; nested transactions
 * join it. Identity counters are not rolled back, as database sequences are not.
 */
public final class InMemoryStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong userIds = new AtomicLong();
    private final AtomicLong orderIds = new AtomicLong();
    private final AtomicLong eventIds = new AtomicLong();
    private Tables tables = new Tables(); // guarded by lock

    private final InMemoryUserRepository users = new InMemoryUserRepository(this);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository(this);
    private final InMemoryTransactionRunner transactions = new InMemoryTransactionRunner(this);
    private final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys(this);
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens(this);
    private final InMemoryOrderEventFeed events = new InMemoryOrderEventFeed(this);

    public InMemoryUserRepository users() {
        return users;
    }

    public InMemoryOrderRepository orders() {
        return orders;
    }

    public InMemoryTransactionRunner transactions() {
        return transactions;
    }

    public InMemoryIdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    public InMemoryRefreshTokens refreshTokens() {
        return refreshTokens;
    }

    public InMemoryOrderEventFeed events() {
        return events;
    }

    UserId nextUserId() {
        return new UserId(userIds.incrementAndGet());
    }

    OrderId nextOrderId() {
        return new OrderId(orderIds.incrementAndGet());
    }

    long nextEventId() {
        return eventIds.incrementAndGet();
    }

    /** Runs one atomic step against the tables. */
    <T> T locked(Function<Tables, T> step) {
        lock.lock();
        try {
            return step.apply(tables);
        } finally {
            lock.unlock();
        }
    }

    <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get(); // nested: joins the outer transaction, which decides
            }
            Tables before = tables.copy();
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                tables = before;
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The tables. Values are immutable (records, immutable orders, unmodifiable lists), so a copy is a snapshot. */
    static final class Tables {

        final Map<UserId, User> usersById;
        /** The unique index: the email lower-cased, whatever case it arrives in. */
        final Map<String, UserId> userIdsByEmail;

        final Map<OrderId, Order> ordersById;
        /** Each order's history, oldest first, as an unmodifiable list replaced on every append. */
        final Map<OrderId, List<StatusChange>> histories;
        /** Idempotency keys by owner and key; the values are immutable records. */
        final Map<InMemoryIdempotencyKeys.OwnedKey, InMemoryIdempotencyKeys.KeyRow> idempotencyKeys;
        /** Refresh token families by id, and their tokens by hash; the values are immutable records. */
        final Map<UUID, InMemoryRefreshTokens.FamilyRow> refreshTokenFamilies;

        final Map<RefreshTokenHash, InMemoryRefreshTokens.TokenRow> refreshTokens;
        /** Every event in the order it was written, which is the order of commits: transactions run one at a time. */
        final List<OrderEvent> events;

        Tables() {
            this(
                    new HashMap<>(),
                    new HashMap<>(),
                    new HashMap<>(),
                    new HashMap<>(),
                    new HashMap<>(),
                    new HashMap<>(),
                    new HashMap<>(),
                    new ArrayList<>());
        }

        private Tables(
                Map<UserId, User> usersById,
                Map<String, UserId> userIdsByEmail,
                Map<OrderId, Order> ordersById,
                Map<OrderId, List<StatusChange>> histories,
                Map<InMemoryIdempotencyKeys.OwnedKey, InMemoryIdempotencyKeys.KeyRow> idempotencyKeys,
                Map<UUID, InMemoryRefreshTokens.FamilyRow> refreshTokenFamilies,
                Map<RefreshTokenHash, InMemoryRefreshTokens.TokenRow> refreshTokens,
                List<OrderEvent> events) {
            this.usersById = usersById;
            this.userIdsByEmail = userIdsByEmail;
            this.ordersById = ordersById;
            this.histories = histories;
            this.idempotencyKeys = idempotencyKeys;
            this.refreshTokenFamilies = refreshTokenFamilies;
            this.refreshTokens = refreshTokens;
            this.events = events;
        }

        Tables copy() {
            return new Tables(
                    new HashMap<>(usersById),
                    new HashMap<>(userIdsByEmail),
                    new HashMap<>(ordersById),
                    new HashMap<>(histories),
                    new HashMap<>(idempotencyKeys),
                    new HashMap<>(refreshTokenFamilies),
                    new HashMap<>(refreshTokens),
                    new ArrayList<>(events));
        }
    }
}
