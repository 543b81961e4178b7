package com.acme.orders.archfixture.bad.adapter.persistence;

/** Breaks "persistence DAOs and rows are package-private": a public row record. */
public record OrderRow(long id, String productName) {}
