package com.acme.orders.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The SQL on {@code orders} and {@code order_status_history}. Each history row is also the change's event: it carries
 * the owner, the change's sequence and, by the column's default, the writing transaction's id (V12). Every method is one statement, one round trip, on its
 * own handle or on the transaction's (JDBI hands a thread the handle of its open transaction). Rows are bound by
 * their components ({@link RowArguments}), single values as {@link SqlArguments} (an array of ids by JDBI), and read by the mappers of
 * {@link RowMappers}.
 */
final class OrderDao {

    /** The sequence behind the identity column {@code orders.id}. */
    static final String NEXT_ID = "SELECT nextval('orders_id_seq')";

    /**
     * Inserts an order and the first entry of its history in one statement (a data-modifying CTE), so that no
     * transaction ever sees one without the other. The foreign key of the history row is checked at the end of the
     * statement, when the order row exists.
     */
    static final String INSERT_WITH_FIRST_CHANGE = """
            WITH placed AS (
                INSERT INTO orders (id, user_id, product_name, amount, status, created_at, updated_at)
                VALUES (:id, :userId, :productName, :amount, :status, :createdAt, :updatedAt)
                RETURNING id, user_id
            )
            INSERT INTO order_status_history (order_id, user_id, from_status, to_status, at, actor, sequence)
            SELECT placed.id, placed.user_id, :fromStatus, :toStatus, :at, :actor, :sequence
            FROM placed
            """;

    static final String FIND_BY_ID = """
            SELECT id, user_id, product_name, amount, status, created_at, updated_at
            FROM orders
            WHERE id = :id
            """;

    /**
     * One page of an owner's orders after the cursor, newest first, and the count of all the owner's orders, in one
     * statement and so in one snapshot. Without a cursor, pass {@code null} for both cursor values: the COALESCEs then
     * put the cursor above every row. The cursor condition is a row comparison so that it is a single range bound on
     * {@code idx_orders_user_page (user_id, created_at DESC, id DESC)}: the page is read in index order and the scan
     * stops after {@code limit} rows, in custom and in generic plans alike (checked with EXPLAIN, {@code
     * PagePlansTest}). The count is the sum of the owner's rows of {@code order_counts} (at most one per status),
     * which triggers on {@code orders} keep exact in the transaction of every change (V9), so neither part grows with
     * the owner's history. The LEFT JOIN keeps the count's row when the page is empty; the outer ORDER BY (a sort of
     * at most {@code limit} rows) keeps the page's order, which a join does not promise.
     */
    static final String FIND_PAGE = """
            SELECT t.total, p.id, p.user_id, p.product_name, p.amount, p.status, p.created_at, p.updated_at
            FROM (SELECT COALESCE(sum(count), 0)::bigint AS total FROM order_counts WHERE user_id = :ownerId) AS t
            LEFT JOIN (
                SELECT id, user_id, product_name, amount, status, created_at, updated_at
                FROM orders
                WHERE user_id = :ownerId
                  AND (created_at, id) < (COALESCE(:afterCreatedAt, 'infinity'::timestamptz),
                                          COALESCE(:afterId, 9223372036854775807))
                ORDER BY created_at DESC, id DESC
                LIMIT :limit
            ) AS p ON true
            ORDER BY p.created_at DESC, p.id DESC
            """;

    /**
     * As {@link #FIND_PAGE}, for the owner's orders in one status, served by
     * {@code idx_orders_user_status_page (user_id, status, created_at DESC, id DESC)}, its count the owner's one row of
     * {@code order_counts} in that status. A separate statement rather
     * than {@code (:status IS NULL OR status = :status)}, which a generic plan cannot turn into an index bound.
     */
    static final String FIND_PAGE_IN_STATUS = """
            SELECT t.total, p.id, p.user_id, p.product_name, p.amount, p.status, p.created_at, p.updated_at
            FROM (SELECT COALESCE(sum(count), 0)::bigint AS total
                  FROM order_counts
                  WHERE user_id = :ownerId AND status = :status) AS t
            LEFT JOIN (
                SELECT id, user_id, product_name, amount, status, created_at, updated_at
                FROM orders
                WHERE user_id = :ownerId
                  AND status = :status
                  AND (created_at, id) < (COALESCE(:afterCreatedAt, 'infinity'::timestamptz),
                                          COALESCE(:afterId, 9223372036854775807))
                ORDER BY created_at DESC, id DESC
                LIMIT :limit
            ) AS p ON true
            ORDER BY p.created_at DESC, p.id DESC
            """;

    /**
     * Moves one order from one status to another and records the change, as one statement. The UPDATE's WHERE is
     * the whole condition: the owner's order, still in {@code :fromStatus}. Under READ COMMITTED a concurrent
     * caller that finds the row locked waits, then PostgreSQL re-evaluates the WHERE on the row's new version; if the
     * first caller moved it, the condition fails and nothing is updated or recorded. So of two racing callers
     * exactly one moves the order. The history row is inserted from the UPDATE's RETURNING, so it exists exactly
     * when the order moved.
     */
    static final String APPLY_IF_CURRENT = """
            WITH moved AS (
                UPDATE orders
                SET status = :toStatus, updated_at = :at
                WHERE id = :id AND user_id = :ownerId AND status = :fromStatus
                RETURNING id, user_id, product_name, amount, status, created_at, updated_at
            ), recorded AS (
                INSERT INTO order_status_history (order_id, user_id, from_status, to_status, at, actor, sequence)
                SELECT moved.id, moved.user_id, :fromStatus, moved.status, moved.updated_at, :actor, :sequence
                FROM moved
            )
            SELECT id, user_id, product_name, amount, status, created_at, updated_at
            FROM moved
            """;

    /**
     * The processing job's batch step as one statement: locks up to {@code limit} orders in {@code <fromLiteral>}
     * changed at or before {@code cutoff}, oldest first, skipping rows other transactions hold locked, moves them to
     * {@code toStatus} and records each change.
     *
     * <p>{@code <fromLiteral>} is written into the SQL as a quoted literal (a defined attribute, not a bound
     * parameter): only then can the planner prove {@code status = 'pending'} at planning time and read the partial
     * index {@code idx_orders_pending_by_change (updated_at, id) WHERE status = 'pending'} (or its {@code processing}
     * twin, V4) in order, stopping after {@code limit} rows, in a generic plan as in a custom one; with a bound
     * status a generic plan cannot use a partial index at all. The value is an {@code OrderStatus.code()}, never
     * client input, and there are only two of them, so two statements are prepared.
     *
     * <p>{@code FOR UPDATE SKIP LOCKED} makes concurrent callers take disjoint batches instead of queueing behind
     * one another; an order a concurrent cancel holds is skipped (the cancel moves it). Under READ COMMITTED, a row
     * changed and committed by someone else after this statement's snapshot is locked in its newest version and the
     * WHERE is re-checked on it, so an order cancelled meanwhile is not picked. The UPDATE repeats the status
     * condition anyway, and the history rows are inserted from its RETURNING, so a history entry exists exactly
     * for each order moved. The UPDATE finds the picked rows through {@code id = ANY(ARRAY(...))}, which is always
     * a primary-key lookup of at most {@code limit} rows; an {@code UPDATE ... FROM picked} join is planned as a
     * hash join over every order in the state (checked with EXPLAIN), a cost that grows with the backlog.
     */
    static final String APPLY_TO_OLDEST = """
            WITH picked AS (
                SELECT id
                FROM orders
                WHERE status = <fromLiteral> AND updated_at <= :cutoff
                ORDER BY updated_at, id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            ), moved AS (
                UPDATE orders
                SET status = :toStatus, updated_at = :at
                WHERE id = ANY(ARRAY(SELECT id FROM picked)) AND status = <fromLiteral>
                RETURNING id, user_id
            ), recorded AS (
                INSERT INTO order_status_history (order_id, user_id, from_status, to_status, at, actor, sequence)
                SELECT moved.id, moved.user_id, <fromLiteral>, :toStatus, :at, :actor, :sequence
                FROM moved
            )
            SELECT id
            FROM moved
            """;

    /**
     * Moves those of {@code ids} still in {@code fromStatus} to {@code toStatus} and records each change, as one
     * statement; the others are left as they are (the same re-check as {@link #APPLY_IF_CURRENT}). The ids are one
     * {@code bigint[]} parameter, so the statement text is the same for every batch size.
     */
    static final String APPLY_TO_EACH = """
            WITH moved AS (
                UPDATE orders
                SET status = :toStatus, updated_at = :at
                WHERE id = ANY(:ids) AND status = :fromStatus
                RETURNING id, user_id
            ), recorded AS (
                INSERT INTO order_status_history (order_id, user_id, from_status, to_status, at, actor, sequence)
                SELECT moved.id, moved.user_id, :fromStatus, :toStatus, :at, :actor, :sequence
                FROM moved
            )
            SELECT count(*)::int
            FROM moved
            """;

    /** An order's history, oldest first; {@code id} breaks ties between changes at the same instant. */
    static final String HISTORY = """
            SELECT from_status, to_status, at, actor, sequence
            FROM order_status_history
            WHERE order_id = :orderId
            ORDER BY id
            """;

    private final Jdbi jdbi;

    OrderDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long nextId() {
        return jdbi.withHandle(
                handle -> handle.createQuery(NEXT_ID).map(RowMappers.LONG).one());
    }

    void insertWithFirstChange(OrderRow order, StatusChangeRow first) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT_WITH_FIRST_CHANGE)
                .bindNamedArgumentFinder(RowArguments.of(order))
                .bindNamedArgumentFinder(RowArguments.of(first))
                .execute());
    }

    Optional<OrderRow> findById(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND_BY_ID)
                .bind("id", SqlArguments.bigint(id))
                .map(RowMappers.ORDER)
                .findOne());
    }

    /**
     * {@link #FIND_PAGE}, or {@link #FIND_PAGE_IN_STATUS} when {@code status} is not null. The cursor values are both
     * null for the first page.
     */
    List<PageRow> findPage(long ownerId, String status, Instant afterCreatedAt, Long afterId, int limit) {
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(status == null ? FIND_PAGE : FIND_PAGE_IN_STATUS)
                    .bind("ownerId", SqlArguments.bigint(ownerId))
                    .bind("afterCreatedAt", SqlArguments.timestamp(afterCreatedAt))
                    .bind("afterId", SqlArguments.bigint(afterId))
                    .bind("limit", SqlArguments.integer(limit));
            if (status != null) {
                query.bind("status", SqlArguments.text(status));
            }
            return query.map(RowMappers.PAGE).list();
        });
    }

    /** Returns the order in its new state; empty when no order matched. */
    Optional<OrderRow> applyIfCurrent(long id, long ownerId, StatusChangeRow change) {
        return jdbi.withHandle(handle -> handle.createQuery(APPLY_IF_CURRENT)
                .bind("id", SqlArguments.bigint(id))
                .bind("ownerId", SqlArguments.bigint(ownerId))
                .bindNamedArgumentFinder(RowArguments.of(change))
                .map(RowMappers.ORDER)
                .findOne());
    }

    /** Returns the ids of the orders moved, in no particular order. */
    List<Long> applyToOldest(String fromLiteral, Instant cutoff, int limit, StatusChangeRow change) {
        return jdbi.withHandle(handle -> handle.createQuery(APPLY_TO_OLDEST)
                .define("fromLiteral", fromLiteral)
                .bind("cutoff", SqlArguments.timestamp(cutoff))
                .bind("limit", SqlArguments.integer(limit))
                .bindNamedArgumentFinder(RowArguments.of(change))
                .map(RowMappers.LONG)
                .list());
    }

    /** Returns how many orders moved. */
    int applyToEach(long[] ids, StatusChangeRow change) {
        return jdbi.withHandle(handle -> handle.createQuery(APPLY_TO_EACH)
                .bind("ids", ids)
                .bindNamedArgumentFinder(RowArguments.of(change))
                .map(RowMappers.INT)
                .one());
    }

    List<StatusChangeRow> history(long orderId) {
        return jdbi.withHandle(handle -> handle.createQuery(HISTORY)
                .bind("orderId", SqlArguments.bigint(orderId))
                .map(RowMappers.STATUS_CHANGE)
                .list());
    }
}
