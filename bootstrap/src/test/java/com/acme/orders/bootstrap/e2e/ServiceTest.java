package com.acme.orders.bootstrap.e2e;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * An end-to-end test class on one running service (fresh database, real socket), started before the class's first
 * test and stopped after its last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceTest {

    protected RunningService service;
    protected ApiClient api;

    /** Environment overrides for this class's service; none by default. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    @BeforeAll
    void startService() {
        service = RunningService.start(environment());
        api = service.client();
    }

    @AfterAll
    void stopService() {
        service.close();
    }
}
