package com.acme.orders.adapter.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook secrets at rest with AES-256-GCM, so that a copy of the database (a backup, a replica, a leaked
 * dump) does not let its holder sign deliveries. The key is derived from the service's {@code SECRET_KEY} as
 * HMAC-SHA256(SECRET_KEY, {@value #KEY_PURPOSE}): it is never stored, and differs from the token-signing key. Each
 * sealing uses a fresh random 12-byte nonce, stored before the ciphertext and its 16-byte tag; the webhook's id is
 * authenticated with it, so a sealed secret moved to another row does not open. A seal that does not open (another
 * {@code SECRET_KEY}, a changed row) is an {@link IllegalStateException}.
 */
final class SecretSeal {

    static final String KEY_PURPOSE = "order-service webhook secrets v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    SecretSeal(byte[] secretKey, SecureRandom random) {
        Objects.requireNonNull(secretKey, "secretKey");
        this.random = Objects.requireNonNull(random, "random");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal(KEY_PURPOSE.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    ByteBuffer seal(long webhookId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(webhookId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .flip()
                    .asReadOnlyBuffer();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    String open(long webhookId, ByteBuffer stored) {
        byte[] sealed = new byte[stored.remaining()];
        stored.duplicate().get(sealed);
        if (sealed.length <= NONCE_BYTES) {
            throw new IllegalStateException("the secret of webhook " + webhookId + " is not a sealed secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 0, NONCE_BYTES)));
            cipher.updateAAD(associatedData(webhookId));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the secret of webhook " + webhookId + " does not open with this SECRET_KEY", e);
        }
    }

    private static byte[] associatedData(long webhookId) {
        return ("webhook " + webhookId).getBytes(StandardCharsets.UTF_8);
    }
}
