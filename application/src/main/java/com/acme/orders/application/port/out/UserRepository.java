package com.acme.orders.application.port.out;

import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.EmailAlreadyRegisteredException;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserId;
import java.util.Optional;
import java.util.OptionalInt;

/** Where users are kept. */
public interface UserRepository {

    /** A fresh identity for a user about to be added; never handed out twice. */
    UserId nextId();

    /**
     * Stores a new user.
     *
     * @throws EmailAlreadyRegisteredException when a user with this email (compared case-insensitively) exists,
     *     even one added concurrently: the store itself enforces uniqueness
     */
    void add(User user);

    Optional<User> findByEmail(Email email);

    Optional<User> findById(UserId id);

    /**
     * The user's current token version, for the check every authenticated request makes; empty for an unknown
     * user. A store can answer it more cheaply than {@link #findById}; this default reads the whole user.
     */
    default OptionalInt tokenVersion(UserId id) {
        return findById(id).map(user -> OptionalInt.of(user.tokenVersion())).orElseGet(OptionalInt::empty);
    }

    /**
     * Raises the user's token version by one, revoking every access token issued before; nothing happens for an
     * unknown user.
     */
    void revokeTokens(UserId id);
}
