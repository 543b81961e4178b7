package com.acme.orders.application.port.in.account;

import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserId;
import java.util.Optional;

/** The account of an authenticated caller. */
public interface GetCurrentUserUseCase {

    Optional<User> currentUser(UserId user);
}
