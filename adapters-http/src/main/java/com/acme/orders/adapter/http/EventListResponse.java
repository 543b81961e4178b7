package com.acme.orders.adapter.http;

import java.util.List;

/** {@code GET /events} answer: some events, oldest first, and the cursor to continue from (always present). */
record EventListResponse(List<EventResponse> events, String nextCursor) {}
