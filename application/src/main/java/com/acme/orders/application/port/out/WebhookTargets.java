package com.acme.orders.application.port.out;

import java.net.URI;
import java.util.Optional;

/**
 * Which URLs a webhook may be sent to. Asked when a webhook is registered and again before every delivery, since
 * what a name resolves to can change between the two.
 */
public interface WebhookTargets {

    /** Why {@code target} may not receive deliveries, or empty when it may. */
    Optional<String> refusal(URI target);
}
