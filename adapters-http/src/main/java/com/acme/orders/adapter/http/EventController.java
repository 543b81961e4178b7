package com.acme.orders.adapter.http;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.application.port.in.event.EventPage;
import com.acme.orders.application.port.in.event.ListEventsQuery;
import com.acme.orders.application.port.in.event.ListEventsUseCase;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import io.javalin.http.Context;
import java.time.Duration;

/** {@code /events}: the caller's order events. Every route is {@link BearerAuthentication#REQUIRED}. */
final class EventController {

    private final ListEventsUseCase events;
    private final EventCursors cursors;

    EventController(ListEventsUseCase events, EventCursors cursors) {
        this.events = events;
        this.cursors = cursors;
    }

    /**
     * The caller's events after {@code after}, oldest first. A waiting request blocks only its own (virtual) thread
     * and holds no database connection while it waits.
     */
    void list(Context ctx) throws InterruptedException {
        UserId caller = BearerAuthentication.caller(ctx);
        EventPage page = events.list(
                query(cursors, caller, ctx.queryParam("after"), ctx.queryParam("limit"), ctx.queryParam("wait")));
        ctx.json(new EventListResponse(
                page.events().stream().map(EventResponse::from).toList(), cursors.encode(caller, page.next())));
    }

    /** The query of {@code GET /events} from its raw parameters; a 400 naming every parameter that is wrong. */
    static ListEventsQuery query(
            EventCursors cursors, UserId caller, String rawAfter, String rawLimit, String rawWait) {
        Validation validation = new Validation();
        EventCursor after = validation.field(
                "after",
                () -> rawAfter == null
                        ? EventCursor.START
                        : cursors.decode(caller, rawAfter)
                                .orElseThrow(() ->
                                        InvalidValueException.because("is not a next_cursor this feed gave you")));
        Integer limit = validation.field("limit", () -> limit(rawLimit));
        Duration wait = validation.field("wait", () -> longestWait(rawWait));
        validation.orThrow();
        return new ListEventsQuery(caller, after, limit, wait);
    }

    private static int limit(String raw) {
        if (raw == null) {
            return ListEventsQuery.DEFAULT_LIMIT;
        }
        long limit = AsciiNumbers.parse(raw).orElse(0);
        return ListEventsQuery.checkedLimit((int) Math.min(limit, Integer.MAX_VALUE));
    }

    private static Duration longestWait(String raw) {
        if (raw == null) {
            return Duration.ZERO;
        }
        long seconds = AsciiNumbers.parse(raw).orElse(-1);
        return ListEventsQuery.checkedWait(Duration.ofSeconds(Math.min(seconds, 3600)));
    }
}
