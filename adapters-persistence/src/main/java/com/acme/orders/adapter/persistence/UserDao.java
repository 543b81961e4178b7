package com.acme.orders.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The SQL on {@code users}. Parameters bind by name (the build compiles with {@code -parameters}); rows are read by
 * {@link RowMappers}, registered once on the {@code Jdbi} by {@link Database}.
 */
interface UserDao {

    /** The name of the unique index that makes emails unique case-insensitively (V1). */
    String EMAIL_UNIQUE_INDEX = "users_email_lower_key";

    /** The sequence behind the identity column {@code users.id}. */
    @SqlQuery("SELECT nextval('users_id_seq')")
    long nextId();

    @SqlUpdate("""
            INSERT INTO users (id, name, email, password_hash, created_at, token_version)
            VALUES (:id, :name, :email, :passwordHash, :createdAt, :tokenVersion)
            """)
    void insert(long id, String name, String email, String passwordHash, Instant createdAt, int tokenVersion);

    /** Written as {@code lower(email) = lower(:email)} so that the unique index on {@code lower(email)} serves it. */
    @SqlQuery("""
            SELECT id, name, email, password_hash, created_at, token_version
            FROM users
            WHERE lower(email) = lower(:email)
            """)
    Optional<UserRow> findByEmail(String email);

    @SqlQuery("""
            SELECT id, name, email, password_hash, created_at, token_version
            FROM users
            WHERE id = :id
            """)
    Optional<UserRow> findById(long id);

    /**
     * Only the token version, for the check every authenticated request makes: one integer column by primary key,
     * rather than the whole row mapped into a {@code User}.
     */
    String TOKEN_VERSION = "SELECT token_version FROM users WHERE id = :id";

    @SqlUpdate("UPDATE users SET token_version = token_version + 1 WHERE id = :id")
    void incrementTokenVersion(long id);
}
