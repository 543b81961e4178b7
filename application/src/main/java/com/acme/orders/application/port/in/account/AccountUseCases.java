package com.acme.orders.application.port.in.account;

/** Every use case of accounts, for the driving adapter that serves them all. */
public interface AccountUseCases
        extends RegisterUserUseCase,
                LogInUseCase,
                AuthenticateUseCase,
                RefreshSessionUseCase,
                LogOutUseCase,
                GetCurrentUserUseCase {}
