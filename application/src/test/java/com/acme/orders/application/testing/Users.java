package com.acme.orders.application.testing;

import com.acme.orders.application.port.in.account.ClientAddress;
import com.acme.orders.application.port.in.account.LogInCommand;
import com.acme.orders.application.port.in.account.RegisterUserCommand;
import com.acme.orders.application.port.out.UserRepository;
import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.Password;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserName;
import java.time.Instant;

/** Test users: Alice and Bob, their commands, and a quick way to store a user without the service. */
public final class Users {

    public static final String ALICE_EMAIL = "alice@example.com";
    public static final String ALICE_PASSWORD = "correct horse battery staple";
    public static final String BOB_EMAIL = "bob@example.com";
    public static final String BOB_PASSWORD = "hunter2hunter2";

    /** Where the commands come from unless a test says otherwise. */
    public static final ClientAddress CLIENT = new ClientAddress("192.0.2.10");

    private Users() {}

    public static RegisterUserCommand aliceCommand() {
        return registration("Alice Example", ALICE_EMAIL, ALICE_PASSWORD);
    }

    public static RegisterUserCommand bobCommand() {
        return registration("Bob Example", BOB_EMAIL, BOB_PASSWORD);
    }

    public static RegisterUserCommand registration(String name, String email, String password) {
        return new RegisterUserCommand(new UserName(name), new Email(email), new Password(password), CLIENT);
    }

    public static LogInCommand logIn(String email, String password) {
        return logIn(email, password, CLIENT);
    }

    public static LogInCommand logIn(String email, String password, ClientAddress from) {
        return new LogInCommand(new Email(email), new Password(password), from);
    }

    /** Stores a user with this email straight into the repository, its password hashed by the fake hasher. */
    public static User stored(UserRepository users, String email) {
        User user = new User(
                users.nextId(),
                new UserName("User " + email),
                new Email(email),
                FakePasswordHasher.hashOf(new Password(ALICE_PASSWORD)),
                Instant.parse("2026-01-01T00:00:00Z"));
        users.add(user);
        return user;
    }
}
