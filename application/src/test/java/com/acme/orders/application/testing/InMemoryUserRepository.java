package com.acme.orders.application.testing;

import com.acme.orders.application.port.out.UserRepository;
import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.EmailAlreadyRegisteredException;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** Users in an {@link InMemoryStore}, with a case-insensitive unique index on the email. */
public final class InMemoryUserRepository implements UserRepository {

    private final InMemoryStore store;

    public InMemoryUserRepository(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public UserId nextId() {
        return store.nextUserId();
    }

    @Override
    public void add(User user) {
        Objects.requireNonNull(user, "user");
        store.locked(tables -> {
            if (tables.usersById.containsKey(user.id())) {
                throw new IllegalStateException("user " + user.id() + " is already stored");
            }
            if (tables.userIdsByEmail.putIfAbsent(key(user.email()), user.id()) != null) {
                throw new EmailAlreadyRegisteredException();
            }
            tables.usersById.put(user.id(), user);
            return null;
        });
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        Objects.requireNonNull(email, "email");
        return store.locked(tables ->
                Optional.ofNullable(tables.userIdsByEmail.get(key(email))).map(tables.usersById::get));
    }

    @Override
    public Optional<User> findById(UserId id) {
        Objects.requireNonNull(id, "id");
        return store.locked(tables -> Optional.ofNullable(tables.usersById.get(id)));
    }

    @Override
    public void revokeTokens(UserId id) {
        Objects.requireNonNull(id, "id");
        store.locked(tables -> {
            tables.usersById.computeIfPresent(
                    id,
                    (ignored, user) -> new User(
                            user.id(),
                            user.name(),
                            user.email(),
                            user.passwordHash(),
                            user.createdAt(),
                            user.tokenVersion() + 1));
            return null;
        });
    }

    private static String key(Email email) {
        return email.lowerCase();
    }
}
