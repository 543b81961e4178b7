package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.account.ClientAddress;
import com.acme.orders.application.port.in.account.LogInCommand;
import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.Password;

/** {@code POST /auth/login} body. */
record LoginRequest(String email, String password) {

    LogInCommand toCommand(ClientAddress from) {
        Validation validation = new Validation();
        Email validEmail = validation.field("email", () -> new Email(email));
        Password validPassword = validation.field("password", () -> new Password(password));
        validation.orThrow();
        return new LogInCommand(validEmail, validPassword, from);
    }

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + ", password=****]";
    }
}
