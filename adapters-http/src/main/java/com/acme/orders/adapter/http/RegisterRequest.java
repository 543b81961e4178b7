package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.account.ClientAddress;
import com.acme.orders.application.port.in.account.RegisterUserCommand;
import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.Password;
import com.acme.orders.domain.user.UserName;

/** {@code POST /auth/register} body. */
record RegisterRequest(String name, String email, String password) {

    RegisterUserCommand toCommand(ClientAddress from) {
        Validation validation = new Validation();
        UserName validName = validation.field("name", () -> new UserName(name));
        Email validEmail = validation.field("email", () -> new Email(email));
        Password validPassword = validation.field("password", () -> new Password(password));
        validation.orThrow();
        return new RegisterUserCommand(validName, validEmail, validPassword, from);
    }

    @Override
    public String toString() {
        return "RegisterRequest[name=" + name + ", email=" + email + ", password=****]";
    }
}
