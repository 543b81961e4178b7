package com.acme.orders.adapter.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import org.assertj.core.api.SoftAssertions;

/**
 * The hygiene headers that every answer of the API carries, whatever its status: asserted softly, so that one test
 * can check many answers and report every one that lacks them. Shared with the end-to-end tests.
 */
public final class HygieneHeaders {

    private HygieneHeaders() {}

    /** Asserts, softly, that {@code headers} hold every hygiene header; {@code what} names the answer in a failure. */
    public static void assertCarried(SoftAssertions softly, String what, HttpHeaders headers) {
        softly.assertThat(headers.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
        softly.assertThat(headers.firstValue("X-Frame-Options")).as(what).contains("DENY");
        softly.assertThat(headers.firstValue("Content-Security-Policy"))
                .as(what)
                .hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
        softly.assertThat(headers.firstValue("Cache-Control")).as(what).contains("no-store");
    }
}
