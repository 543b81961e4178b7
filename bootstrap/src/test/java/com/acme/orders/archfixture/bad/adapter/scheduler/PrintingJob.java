package com.acme.orders.archfixture.bad.adapter.scheduler;

/** Breaks "no standard streams": a job that reports on System.out. */
public final class PrintingJob {

    public void execute() {
        System.out.println("processing orders");
    }
}
