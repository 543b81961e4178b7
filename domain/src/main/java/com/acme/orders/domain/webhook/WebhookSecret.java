package com.acme.orders.domain.webhook;

import com.acme.orders.domain.shared.InvalidValueException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The key a webhook's deliveries are signed with, in the Standard Webhooks form: {@code whsec_} and the base64 of
 * the key's bytes, at least {@value #MIN_KEY_BYTES} of them. The service makes it; the subscriber is shown it once.
 * {@link #toString()} never shows it.
 */
public record WebhookSecret(String value) {

    public static final String PREFIX = "whsec_";
    public static final int MIN_KEY_BYTES = 24;
    /** The size of the keys {@link #generate} makes. */
    static final int GENERATED_KEY_BYTES = 32;

    public WebhookSecret {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX)) {
            throw InvalidValueException.because("must start with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.because("must be " + PREFIX + " and base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw InvalidValueException.because("must hold at least " + MIN_KEY_BYTES + " bytes of key");
        }
    }

    /** A new secret of {@value #GENERATED_KEY_BYTES} random bytes. */
    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    @Override
    public String toString() {
        return "WebhookSecret[" + PREFIX + "...]";
    }
}
