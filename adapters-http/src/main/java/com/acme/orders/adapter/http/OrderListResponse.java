package com.acme.orders.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code GET /orders} answer: one page, the total matching the filter, the next page's cursor unless last. */
record OrderListResponse(
        List<OrderResponse> orders,
        long total,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}
