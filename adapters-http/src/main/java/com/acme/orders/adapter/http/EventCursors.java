package com.acme.orders.adapter.http;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident event feed cursors: the position {@code (transaction, event id)} and a truncated
 * HMAC-SHA256 over it and the user it was issued to, as {@link PageCursors} makes page cursors but under a key of
 * its own, so that neither kind of cursor is accepted as the other. A garbled, forged or someone else's cursor is
 * refused.
 */
final class EventCursors {

    private static final int VERSION = 1;
    private static final int POSITION_BYTES = 1 + Long.BYTES + Long.BYTES;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    EventCursors(byte[] secret) {
        this.key = new SecretKeySpec(
                hmac(
                        new SecretKeySpec(secret, "HmacSHA256"),
                        "order-service event cursor v1".getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256");
    }

    String encode(UserId owner, EventCursor cursor) {
        byte[] body = ByteBuffer.allocate(POSITION_BYTES)
                .put((byte) VERSION)
                .putLong(cursor.transaction())
                .putLong(cursor.eventId())
                .array();
        return ENCODER.encodeToString(ByteBuffer.allocate(POSITION_BYTES + MAC_BYTES)
                .put(body)
                .put(mac(owner, body))
                .array());
    }

    /** The position a cursor stands for, if it is one this service issued to this user. */
    Optional<EventCursor> decode(UserId owner, String encoded) {
        if (encoded.length() > 64) {
            return Optional.empty();
        }
        byte[] token;
        try {
            token = DECODER.decode(encoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (token.length != POSITION_BYTES + MAC_BYTES || token[0] != VERSION) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOfRange(token, 0, POSITION_BYTES);
        byte[] tag = Arrays.copyOfRange(token, POSITION_BYTES, token.length);
        if (!MessageDigest.isEqual(tag, mac(owner, body))) {
            return Optional.empty();
        }
        ByteBuffer position = ByteBuffer.wrap(body, 1, POSITION_BYTES - 1);
        try {
            return Optional.of(new EventCursor(position.getLong(), position.getLong()));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(UserId owner, byte[] body) {
        byte[] input = ByteBuffer.allocate(Long.BYTES + body.length)
                .putLong(owner.value())
                .put(body)
                .array();
        return Arrays.copyOf(hmac(key, input), MAC_BYTES);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
