package com.acme.orders.application.port.out;

/**
 * The store cannot be reached right now (down, restarting, unreachable, or its connections exhausted past a short
 * wait). Nothing was committed by the call that failed, unless the failure cut a commit's reply, which only the store
 * can tell. Callers may retry later; the driving adapter answers "unavailable".
 */
public final class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
