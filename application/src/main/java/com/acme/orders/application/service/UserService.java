package com.acme.orders.application.service;

import com.acme.orders.application.port.in.account.AccountUseCases;
import com.acme.orders.application.port.in.account.InvalidCredentialsException;
import com.acme.orders.application.port.in.account.LogInCommand;
import com.acme.orders.application.port.in.account.RegisterUserCommand;
import com.acme.orders.application.port.out.PasswordHasher;
import com.acme.orders.application.port.out.UserRepository;
import com.acme.orders.domain.user.EmailAlreadyRegisteredException;
import com.acme.orders.domain.user.PasswordHash;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserId;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Registration, log-in, and whether an access token still stands. */
public final class UserService implements AccountUseCases {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public User register(RegisterUserCommand command) {
        // A cheap early refusal that spares a bcrypt hash; the store's unique index is what guarantees it.
        if (users.findByEmail(command.email()).isPresent()) {
            throw new EmailAlreadyRegisteredException();
        }
        PasswordHash hash = hasher.hash(command.password());
        User user = new User(users.nextId(), command.name(), command.email(), hash, Timestamps.now(clock));
        users.add(user);
        return user;
    }

    @Override
    public User logIn(LogInCommand command) {
        Optional<User> user = users.findByEmail(command.email());
        PasswordHash hash = user.map(User::passwordHash).orElseGet(hasher::decoy);
        boolean matches = hasher.matches(command.password(), hash);
        if (user.isEmpty() || !matches) {
            throw new InvalidCredentialsException();
        }
        return user.get();
    }

    @Override
    public boolean isCurrent(UserId userId, int tokenVersion) {
        // read fresh on every request, never cached: a revocation (logout, password change) takes effect at once
        OptionalInt current = users.tokenVersion(userId);
        return current.isPresent() && current.getAsInt() == tokenVersion;
    }
}
