package com.acme.orders.adapter.persistence;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The SQL of the event feed: the rows of {@code order_status_history} read as events (V12). */
final class EventDao {

    /**
     * One page of an owner's events after the cursor {@code (:afterXid, :afterId)}, in the feed's order
     * {@code (xid, id)}, read in index order from {@code idx_order_events_feed (user_id, xid, id)}.
     *
     * <p>Gap-free: only events whose transaction is older than this statement's snapshot xmin are read. Every
     * transaction below the xmin has ended (committed or rolled back), so the rows read are final; and a transaction
     * still open, or not yet begun, has an xid at or above it and so above every xid this read hands out. An event
     * that commits later can therefore never take a place before a cursor already given: ordering by the id alone
     * would lose it, since ids are drawn when rows are written, not when they commit. The price is that an event
     * shows only once every transaction older than its own has ended: long transactions delay the feed, they never
     * reorder it.
     *
     * <p>The event's order is the order row with this change's status and time ({@code orders} keeps the rest
     * unchanged for ever). The xid is read as a {@code bigint}: 64-bit transaction ids stay below 2^63.
     */
    static final String FEED = """
            SELECT h.id AS event_id, h.xid::text::bigint AS xid, h.sequence,
                   o.id, o.user_id, o.product_name, o.amount, h.to_status AS status, o.created_at, h.at AS updated_at
            FROM order_status_history AS h
            JOIN orders AS o ON o.id = h.order_id
            WHERE h.user_id = :ownerId
              AND (h.xid, h.id) > (CAST(:afterXid AS xid8), :afterId)
              AND h.xid < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY h.xid, h.id
            LIMIT :limit
            """;

    private final Jdbi jdbi;

    EventDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** From the start of the feed: {@code afterXid} 0 and {@code afterId} 0. */
    List<EventRow> feed(long ownerId, long afterXid, long afterId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(FEED)
                .bind("ownerId", ownerId)
                .bind("afterXid", Long.toString(afterXid))
                .bind("afterId", afterId)
                .bind("limit", limit)
                .map(RowMappers.EVENT)
                .list());
    }
}
