package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.out.WebhookDeliveries;
import com.acme.orders.domain.order.OrderEvent;
import com.acme.orders.domain.webhook.DeliveryState;
import com.acme.orders.domain.webhook.WebhookSecret;
import com.acme.orders.domain.webhook.WebhookUrl;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook deliveries in PostgreSQL: written by the fan-out trigger with their events (V15), claimed and
 * recorded here ({@link WebhookDao#CLAIM_DUE}, {@link WebhookDao#RECORD_ALL}), each in a statement of its own.
 */
public final class JdbiWebhookDeliveries implements WebhookDeliveries {

    /** The error recorded for a delivery whose webhook's secret does not open with this {@code SECRET_KEY}. */
    static final String UNREADABLE_SECRET = "the webhook's secret cannot be read with the service's SECRET_KEY";

    private static final Logger LOG = LoggerFactory.getLogger(JdbiWebhookDeliveries.class);

    private final WebhookDao dao;
    private final SecretSeal seal;

    JdbiWebhookDeliveries(Jdbi jdbi, SecretSeal seal) {
        this.dao = new WebhookDao(jdbi);
        this.seal = seal;
    }

    @Override
    public List<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        if (!leaseUntil.isAfter(now)) {
            throw new IllegalArgumentException("a lease must end after it starts");
        }
        if (limit < 1) {
            return List.of();
        }
        UUID claim = UUID.randomUUID();
        List<ClaimedDelivery> claimed = new ArrayList<>();
        for (ClaimedDeliveryRow row : dao.claimDue(now, leaseUntil, claim, limit)) {
            Optional<String> secret = open(row);
            if (secret.isEmpty()) {
                // sealed under another SECRET_KEY: no attempt can ever be signed, so none is made; the delivery fails
                // at once instead of stalling every round that claims it (the webhook must be registered again)
                dao.recordAll(List.of(new WebhookDao.AttemptRecord(
                        row.deliveryId(),
                        claim,
                        row.attempt(),
                        DeliveryState.FAILED.code(),
                        null,
                        0,
                        UNREADABLE_SECRET,
                        now)));
                continue;
            }
            claimed.add(new ClaimedDelivery(
                    row.deliveryId(),
                    claim,
                    row.attempt(),
                    new WebhookUrl(URI.create(row.url())),
                    new WebhookSecret(secret.get()),
                    new OrderEvent(
                            row.event().eventId(),
                            row.event().sequence(),
                            row.event().order().toOrder())));
        }
        return List.copyOf(claimed);
    }

    private Optional<String> open(ClaimedDeliveryRow row) {
        try {
            return Optional.of(seal.open(row.webhookId(), row.secretSealed()));
        } catch (IllegalStateException unreadable) {
            LOG.error(
                    "Webhook {}: {}; its deliveries fail until it is registered again",
                    row.webhookId(),
                    unreadable.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public int recordAll(List<Recording> recordings) {
        if (recordings.isEmpty()) {
            return 0;
        }
        List<WebhookDao.AttemptRecord> records = new ArrayList<>(recordings.size());
        for (Recording recording : recordings) {
            records.add(new WebhookDao.AttemptRecord(
                    recording.claim().deliveryId(),
                    recording.claim().claim(),
                    recording.claim().attempt(),
                    recording.state().code(),
                    recording.nextAttemptAt().orElse(null),
                    recording.outcome().statusCode(),
                    recording.outcome().error(),
                    recording.at()));
        }
        return dao.recordAll(records);
    }

    @Override
    public Backlog backlog(Instant now) {
        WebhookDao.Backlog read = dao.backlog(Objects.requireNonNull(now, "now"));
        return new Backlog(read.due(), Optional.ofNullable(read.oldestDue()));
    }
}
