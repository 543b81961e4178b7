package com.acme.orders.application.service;

import com.acme.orders.application.port.in.order.PlaceOrderCommand;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two order requests "the same" for an idempotency key: SHA-256, in hex, of the canonical command, the
 * product name (length-prefixed, so that no name can run into the amount) and the amount at scale 2. The owner is
 * left out: keys are already scoped to their user.
 */
final class RequestFingerprint {

    private RequestFingerprint() {}

    static String of(PlaceOrderCommand command) {
        String name = command.productName().value();
        String canonical = "place-order\n" + name.length() + ":" + name + "\n"
                + command.amount().value().setScale(2).toPlainString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
