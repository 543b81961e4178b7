package com.acme.orders.adapter.http;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import java.util.Optional;

/**
 * Event feed cursors: the position {@code (transaction, event id)}, signed as {@link SignedPositions} says, under a
 * key other than the page cursors', so that neither kind is accepted as the other.
 */
final class EventCursors {

    private final SignedPositions positions;

    EventCursors(byte[] secret) {
        this.positions = new SignedPositions(secret, "event cursor");
    }

    String encode(UserId owner, EventCursor cursor) {
        return positions.encode(owner, new SignedPositions.Position(cursor.transaction(), cursor.eventId()));
    }

    /** The position a cursor stands for, if it is one this service issued to this user. */
    Optional<EventCursor> decode(UserId owner, String encoded) {
        return positions.decode(owner, encoded).flatMap(position -> {
            try {
                return Optional.of(new EventCursor(position.first(), position.second()));
            } catch (InvalidValueException e) {
                return Optional.empty();
            }
        });
    }
}
