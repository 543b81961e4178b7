package com.acme.orders.domain.webhook;

import com.acme.orders.domain.shared.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a webhook's deliveries go: an absolute {@code http} or {@code https} URL with a host, without user
 * information or fragment, at most {@value #MAX_LENGTH} characters of ASCII, kept exactly as given. Whether its host
 * may be reached (server-side request forgery) is not a property of the text: the service asks {@code WebhookTargets}.
 */
public record WebhookUrl(URI value) {

    public static final int MAX_LENGTH = 2048;

    public WebhookUrl {
        Objects.requireNonNull(value, "value");
        String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw InvalidValueException.because("must be an http or https URL");
        }
        if (value.getHost() == null || value.getHost().isEmpty()) {
            throw InvalidValueException.because("must name a host");
        }
        if (value.getRawUserInfo() != null) {
            throw InvalidValueException.because("must not carry a user name or password");
        }
        if (value.getRawFragment() != null) {
            throw InvalidValueException.because("must not have a fragment");
        }
        if (value.toString().length() > MAX_LENGTH) {
            throw InvalidValueException.because("must be at most " + MAX_LENGTH + " characters");
        }
    }

    /** The URL of {@code text}, which must be the whole URL in ASCII, without spaces or control characters. */
    public static WebhookUrl parse(String text) {
        if (text == null || text.isEmpty()) {
            throw InvalidValueException.because("must be an http or https URL");
        }
        if (text.length() > MAX_LENGTH) {
            throw InvalidValueException.because("must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw InvalidValueException.because(
                        "must be ASCII without spaces or control characters (percent-encode the rest)");
            }
        }
        try {
            return new WebhookUrl(new URI(text));
        } catch (URISyntaxException e) {
            throw InvalidValueException.because("is not a valid URL");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
