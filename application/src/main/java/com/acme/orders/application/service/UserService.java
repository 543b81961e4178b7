package com.acme.orders.application.service;

import com.acme.orders.application.port.in.account.AccountUseCases;
import com.acme.orders.application.port.in.account.InvalidCredentialsException;
import com.acme.orders.application.port.in.account.InvalidRefreshTokenException;
import com.acme.orders.application.port.in.account.LogInCommand;
import com.acme.orders.application.port.in.account.RefreshToken;
import com.acme.orders.application.port.in.account.RegisterUserCommand;
import com.acme.orders.application.port.in.account.Session;
import com.acme.orders.application.port.out.PasswordHasher;
import com.acme.orders.application.port.out.RefreshTokenFamily;
import com.acme.orders.application.port.out.RefreshTokenHash;
import com.acme.orders.application.port.out.RefreshTokens;
import com.acme.orders.application.port.out.StoredRefreshToken;
import com.acme.orders.application.port.out.TransactionRunner;
import com.acme.orders.application.port.out.UserRepository;
import com.acme.orders.domain.user.EmailAlreadyRegisteredException;
import com.acme.orders.domain.user.PasswordHash;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Registration and log-in, both throttled by {@link LoginLimits}, sessions (refresh token families with rotation and reuse detection), log-out, and whether an
 * access token still stands.
 */
public final class UserService implements AccountUseCases {

    /** 256 bits: RFC 9700 asks for refresh tokens no one can guess, and this many make a plain hash safe to store. */
    static final int REFRESH_TOKEN_BYTES = 32;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final UserRepository users;
    private final RefreshTokens refreshTokens;
    private final TransactionRunner transactions;
    private final PasswordHasher hasher;
    private final SessionSettings sessions;
    private final LoginLimits limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public UserService(
            UserRepository users,
            RefreshTokens refreshTokens,
            TransactionRunner transactions,
            PasswordHasher hasher,
            SessionSettings sessions,
            LoginLimits limits,
            Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public User register(RegisterUserCommand command) {
        limits.admitAddress(command.from());
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
    public Session logIn(LogInCommand command) {
        limits.admitAddress(command.from());
        limits.admitAccount(command.email());
        Optional<User> user = users.findByEmail(command.email());
        PasswordHash hash = user.map(User::passwordHash).orElseGet(hasher::decoy);
        boolean matches = hasher.matches(command.password(), hash);
        if (user.isEmpty() || !matches) {
            throw new InvalidCredentialsException();
        }
        limits.succeeded(command.email());
        Instant now = clock.instant();
        RefreshToken first = newRefreshToken();
        refreshTokens.startFamily(
                new RefreshTokenFamily(UUID.randomUUID(), user.get().id(), now.plus(sessions.refreshTokenLifetime())),
                RefreshTokenHash.of(first.value()),
                now);
        return new Session(user.get(), first);
    }

    @Override
    public Session refresh(RefreshToken presented) {
        RefreshTokenHash hash = RefreshTokenHash.of(presented.value());
        // the refusal is thrown after the transaction: a reuse must commit its revocations, not roll them back
        Optional<Session> next = transactions.inTransaction(() -> rotate(hash, clock.instant()));
        return next.orElseThrow(InvalidRefreshTokenException::new);
    }

    /** Inside the transaction, with the presented token's row locked: the next session, or empty for a refusal. */
    private Optional<Session> rotate(RefreshTokenHash hash, Instant now) {
        Optional<StoredRefreshToken> found = refreshTokens.lock(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredRefreshToken token = found.get();
        RefreshTokenFamily family = token.family();
        if (token.familyRevoked() || !now.isBefore(family.expiresAt())) {
            return Optional.empty();
        }
        if (token.spent()) {
            // presented twice: one of the two presenters is not its owner, and which one cannot be known
            refreshTokens.revokeFamily(family.id(), now);
            users.revokeTokens(family.userId());
            return Optional.empty();
        }
        Optional<User> user = users.findById(family.userId());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken successor = newRefreshToken();
        refreshTokens.markSpent(hash, now);
        refreshTokens.addToFamily(family.id(), RefreshTokenHash.of(successor.value()), now);
        return Optional.of(new Session(user.get(), successor));
    }

    @Override
    public void logOut(UserId user) {
        Instant now = clock.instant();
        transactions.inTransaction(() -> {
            refreshTokens.revokeAllOf(user, now);
            users.revokeTokens(user);
            return null;
        });
    }

    @Override
    public Optional<User> currentUser(UserId user) {
        return users.findById(user);
    }

    private RefreshToken newRefreshToken() {
        byte[] bits = new byte[REFRESH_TOKEN_BYTES];
        random.nextBytes(bits);
        return new RefreshToken(BASE64URL.encodeToString(bits));
    }

    @Override
    public boolean isCurrent(UserId userId, int tokenVersion) {
        // read fresh on every request, never cached: a revocation (logout, password change) takes effect at once
        OptionalInt current = users.tokenVersion(userId);
        return current.isPresent() && current.getAsInt() == tokenVersion;
    }
}
