package com.acme.orders.adapter.persistence;

/**
 * A row of the page query: the count of all matching orders, repeated on every row, and one order of the page; the
 * order is null on the single row that an empty page still returns.
 */
record PageRow(long total, OrderRow order) {}
