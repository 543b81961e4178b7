package com.acme.orders.application.port.in.account;

import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.Password;
import com.acme.orders.domain.user.UserName;
import java.util.Objects;

/**
 * A registration: who the new user is, and where the request came from.
 *
 * @param from where the registration came from, counted by the per-address limit
 */
public record RegisterUserCommand(UserName name, Email email, Password password, ClientAddress from) {

    public RegisterUserCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
    }
}
