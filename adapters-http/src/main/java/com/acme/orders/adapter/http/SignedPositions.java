package com.acme.orders.adapter.http;

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
 * Opaque, tamper-evident positions in a list, the body of every cursor the API hands out: two numbers and a truncated
 * HMAC-SHA256 over them and the user they were issued to, base64url. Each kind of cursor signs under a key of its own,
 * derived from the service secret and the kind's name, so that cursors and tokens never share a key and no kind of
 * cursor is accepted as another. A garbled, forged or someone else's cursor decodes to nothing: a client cannot steer
 * a query by editing one.
 */
final class SignedPositions {

    /** A position: what the two numbers mean is the kind's. */
    record Position(long first, long second) {}

    private static final int VERSION = 1;
    private static final int POSITION_BYTES = 1 + Long.BYTES + Long.BYTES;
    private static final int MAC_BYTES = 16;
    private static final int MAX_ENCODED = 64;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * A MAC initialised with this kind's key, cloned for each use: looking the algorithm up and initialising it on every
     * cursor cost about 4% of the CPU of a list page in a profile.
     */
    private final Mac prototype;

    /** Positions of one kind, e.g. {@code "page cursor"}, signed under a key derived from {@code secret}. */
    SignedPositions(byte[] secret, String kind) {
        SecretKeySpec key = new SecretKeySpec(
                hmac(
                        initialised(new SecretKeySpec(secret, "HmacSHA256")),
                        ("order-service " + kind + " v1").getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256");
        this.prototype = initialised(key);
    }

    String encode(UserId owner, Position position) {
        byte[] body = ByteBuffer.allocate(POSITION_BYTES)
                .put((byte) VERSION)
                .putLong(position.first())
                .putLong(position.second())
                .array();
        return ENCODER.encodeToString(ByteBuffer.allocate(POSITION_BYTES + MAC_BYTES)
                .put(body)
                .put(mac(owner, body))
                .array());
    }

    /** The position {@code encoded} stands for, if this kind's key signed it for this user. */
    Optional<Position> decode(UserId owner, String encoded) {
        if (encoded.length() > MAX_ENCODED) {
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
        return Optional.of(new Position(position.getLong(), position.getLong()));
    }

    private byte[] mac(UserId owner, byte[] body) {
        byte[] input = ByteBuffer.allocate(Long.BYTES + body.length)
                .putLong(owner.value())
                .put(body)
                .array();
        return Arrays.copyOf(hmac(prototype, input), MAC_BYTES);
    }

    private static Mac initialised(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** {@code input}'s MAC on a clone of {@code prototype}, which is never used itself and so stays fresh. */
    private static byte[] hmac(Mac prototype, byte[] input) {
        try {
            return ((Mac) prototype.clone()).doFinal(input);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }
}
