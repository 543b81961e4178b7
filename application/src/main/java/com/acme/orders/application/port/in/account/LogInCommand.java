package com.acme.orders.application.port.in.account;

import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.Password;
import java.util.Objects;

/**
 * A log-in: the credentials, and where the request came from.
 *
 * @param from where the log-in came from, counted by the per-address limit
 */
public record LogInCommand(Email email, Password password, ClientAddress from) {

    public LogInCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
    }
}
