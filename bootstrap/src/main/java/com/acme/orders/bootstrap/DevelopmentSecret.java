package com.acme.orders.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The signing key of a development setup without {@code SECRET_KEY}: random, made once per data directory and kept
 * in it (owner-only), so that tokens survive a restart exactly as the data does. Never used with an external
 * database: production sets SECRET_KEY.
 */
final class DevelopmentSecret {

    static final String FILE_NAME = "dev-secret.key";

    private DevelopmentSecret() {}

    static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    return Files.readString(file, StandardCharsets.US_ASCII).strip();
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development secret in " + file, e);
        }
    }
}
