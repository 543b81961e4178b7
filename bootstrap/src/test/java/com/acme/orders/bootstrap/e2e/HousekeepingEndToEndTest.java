package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The housekeeping job, scheduled as in production (every second here), deletes from the real tables what has
 * expired, the log-in limits' refilled buckets and the refresh token families past their lifetime, and nothing else.
 */
class HousekeepingEndToEndTest {

    private static final String EXPIRED_BUCKETS =
            "SELECT count(*) FROM throttle_buckets WHERE expires_at < now() - interval '30 seconds'";
    private static final String EXPIRED_FAMILIES =
            "SELECT count(*) FROM refresh_token_families WHERE expires_at < now() - interval '30 seconds'";

    @Test
    void the_scheduled_job_removes_refilled_buckets_and_expired_refresh_token_families_only() throws Exception {
        try (RunningService service = RunningService.start(Map.of(
                "HOUSEKEEPING_INTERVAL_SECONDS", "1",
                // low enough that the buckets these requests leave take minutes to refill
                "LOGIN_RATE_PER_MINUTE_PER_ADDRESS", "5",
                "LOGIN_FAILURES_PER_ACCOUNT", "5"))) {
            ApiClient api = service.client();
            String email = api.register("securepass123");
            api.login(email, "securepass123");
            api.login(email, "securepass123");
            assertThat(api.post(
                                    "/auth/login",
                                    ApiClient.json(Map.of("email", "nobody@example.com", "password", "wrong-password")),
                                    null)
                            .status())
                    .isEqualTo(401);
            // one of the two sessions has outlived its lifetime; a stale bucket beside the ones the requests left
            TestSql.execute(service.database(), """
                    UPDATE refresh_token_families SET expires_at = now() - interval '1 hour'
                    WHERE id = (SELECT min(id::text)::uuid FROM refresh_token_families)""");
            TestSql.execute(service.database(), """
                    INSERT INTO throttle_buckets (id, state, expires_at)
                    VALUES ('20/60000ms:address:192.0.2.1', NULL, now() - interval '1 hour')""");
            long bucketsLeftByRequests = TestSql.queryLong(
                    service.database(), "SELECT count(*) FROM throttle_buckets WHERE expires_at > now()");

            Instant deadline = Instant.now().plusSeconds(15);
            while ((TestSql.queryLong(service.database(), EXPIRED_BUCKETS) > 0
                            || TestSql.queryLong(service.database(), EXPIRED_FAMILIES) > 0)
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }

            assertThat(TestSql.queryLong(service.database(), EXPIRED_BUCKETS))
                    .as("refilled buckets")
                    .isZero();
            assertThat(TestSql.queryLong(service.database(), EXPIRED_FAMILIES))
                    .as("expired families")
                    .isZero();
            assertThat(TestSql.queryLong(service.database(), "SELECT count(*) FROM refresh_token_families"))
                    .as("the session still within its lifetime")
                    .isOne();
            assertThat(TestSql.queryLong(service.database(), "SELECT count(*) FROM throttle_buckets"))
                    .as("buckets still refilling")
                    .isEqualTo(bucketsLeftByRequests)
                    .isPositive();
        }
    }
}
