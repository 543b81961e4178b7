package com.acme.orders.application.port.in.account;

import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.Password;
import java.util.Objects;

public record LogInCommand(Email email, Password password) {

    public LogInCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
    }
}
