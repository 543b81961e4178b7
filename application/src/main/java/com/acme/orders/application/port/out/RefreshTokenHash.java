package com.acme.orders.application.port.out;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * How a refresh token is stored and looked up: the SHA-256 of its text, in lower-case hex. The token itself is never
 * stored, so a copy of the table lets no one refresh. A plain hash suffices where a password needs bcrypt: the token
 * has 256 random bits, too many to guess whatever the hash costs.
 */
public record RefreshTokenHash(String hex) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public RefreshTokenHash {
        if (hex == null || !SHA_256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a refresh token hash is 64 lower-case hex digits");
        }
    }

    public static RefreshTokenHash of(String tokenText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokenText.getBytes(StandardCharsets.UTF_8));
            return new RefreshTokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
