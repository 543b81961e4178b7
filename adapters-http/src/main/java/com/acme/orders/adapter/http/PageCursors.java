package com.acme.orders.adapter.http;

import com.acme.orders.application.port.PageCursor;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Order list cursors: the position {@code (created_at in microseconds, id)}, signed as {@link SignedPositions} says. */
final class PageCursors {

    private final SignedPositions positions;

    PageCursors(byte[] secret) {
        this.positions = new SignedPositions(secret, "page cursor");
    }

    String encode(UserId owner, PageCursor cursor) {
        return positions.encode(
                owner,
                new SignedPositions.Position(
                        ChronoUnit.MICROS.between(Instant.EPOCH, cursor.createdAt()),
                        cursor.id().value()));
    }

    /** The position a cursor stands for, if it is one this service issued to this user. */
    Optional<PageCursor> decode(UserId owner, String encoded) {
        return positions
                .decode(owner, encoded)
                .filter(position -> position.second() > 0)
                .map(position -> new PageCursor(
                        Instant.EPOCH.plus(position.first(), ChronoUnit.MICROS), new OrderId(position.second())));
    }
}
