package com.acme.orders.application.port.in.account;

import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.Password;
import com.acme.orders.domain.user.UserName;
import java.util.Objects;

public record RegisterUserCommand(UserName name, Email email, Password password) {

    public RegisterUserCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
    }
}
