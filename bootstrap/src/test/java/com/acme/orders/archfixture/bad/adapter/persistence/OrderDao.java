package com.acme.orders.archfixture.bad.adapter.persistence;

/** Breaks "persistence DAOs and rows are package-private": a public DAO. */
public interface OrderDao {

    int count();
}
