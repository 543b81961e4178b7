package com.acme.orders.adapter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookDeliveryWorkerTest {

    @Test
    void the_worker_calls_the_use_case_round_after_round_and_a_failed_round_does_not_end_it() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch afterTheFailure = new CountDownLatch(3);
        WebhookDeliveryWorker worker = new WebhookDeliveryWorker(() -> {
                    if (rounds.incrementAndGet() == 1) {
                        throw new IllegalStateException("the database cannot be reached");
                    }
                    afterTheFailure.countDown();
                    Thread.sleep(10);
                    return 0;
                })
                .start();
        try {
            assertThat(afterTheFailure.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            worker.close();
        }
    }

    @Test
    void a_closed_worker_starts_no_more_rounds() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        WebhookDeliveryWorker worker = new WebhookDeliveryWorker(() -> {
                    rounds.incrementAndGet();
                    Thread.sleep(Duration.ofMillis(20));
                    return 0;
                })
                .start();
        Thread.sleep(100);

        worker.close();
        int atClose = rounds.get();
        Thread.sleep(200);

        assertThat(atClose).isPositive();
        assertThat(rounds.get()).isEqualTo(atClose);
    }
}
