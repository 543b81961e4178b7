package com.acme.orders.adapter.persistence;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL on {@code users}. Every method is one statement, as in {@link OrderDao}: rows bound by their components
 * ({@link RowArguments}), read by {@link RowMappers}.
 */
final class UserDao {

    /** The name of the unique index that makes emails unique case-insensitively (V1). */
    static final String EMAIL_UNIQUE_INDEX = "users_email_lower_key";

    /** The sequence behind the identity column {@code users.id}. */
    static final String NEXT_ID = "SELECT nextval('users_id_seq')";

    static final String INSERT = """
            INSERT INTO users (id, name, email, password_hash, created_at, token_version)
            VALUES (:id, :name, :email, :passwordHash, :createdAt, :tokenVersion)
            """;

    /** Written as {@code lower(email) = lower(:email)} so that the unique index on {@code lower(email)} serves it. */
    static final String FIND_BY_EMAIL = """
            SELECT id, name, email, password_hash, created_at, token_version
            FROM users
            WHERE lower(email) = lower(:email)
            """;

    static final String FIND_BY_ID = """
            SELECT id, name, email, password_hash, created_at, token_version
            FROM users
            WHERE id = :id
            """;

    /**
     * Only the token version, for the check every authenticated request makes: one integer column by primary key,
     * rather than the whole row mapped into a {@code User}.
     */
    static final String TOKEN_VERSION = "SELECT token_version FROM users WHERE id = :id";

    static final String INCREMENT_TOKEN_VERSION = "UPDATE users SET token_version = token_version + 1 WHERE id = :id";

    private final Jdbi jdbi;

    UserDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long nextId() {
        return jdbi.withHandle(
                handle -> handle.createQuery(NEXT_ID).map(RowMappers.LONG).one());
    }

    void insert(UserRow user) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                .bindNamedArgumentFinder(RowArguments.of(user))
                .execute());
    }

    Optional<UserRow> findByEmail(String email) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND_BY_EMAIL)
                .bind("email", SqlArguments.text(email))
                .map(RowMappers.USER)
                .findOne());
    }

    Optional<UserRow> findById(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND_BY_ID)
                .bind("id", SqlArguments.bigint(id))
                .map(RowMappers.USER)
                .findOne());
    }

    Optional<Integer> tokenVersion(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(TOKEN_VERSION)
                .bind("id", SqlArguments.bigint(id))
                .map(RowMappers.INT)
                .findOne());
    }

    void incrementTokenVersion(long id) {
        jdbi.useHandle(handle -> handle.createUpdate(INCREMENT_TOKEN_VERSION)
                .bind("id", SqlArguments.bigint(id))
                .execute());
    }
}
