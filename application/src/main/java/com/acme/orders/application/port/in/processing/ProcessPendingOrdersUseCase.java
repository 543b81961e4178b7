package com.acme.orders.application.port.in.processing;

/**
 * The processing job's one action: finishes what a crashed run left in processing, then moves every pending order
 * old enough through processing to completed, in batches. Safe to run on several instances at once (each order is
 * taken by exactly one), and safe to interrupt at any point (a later run finishes the work).
 */
public interface ProcessPendingOrdersUseCase {

    ProcessingSummary processPendingOrders();
}
