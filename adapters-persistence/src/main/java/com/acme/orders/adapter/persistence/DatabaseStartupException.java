package com.acme.orders.adapter.persistence;

/**
 * The database could not be brought into service: the embedded server did not start, the server did not answer, or
 * the schema could not be migrated. The message says which, in one line, without credentials.
 */
public final class DatabaseStartupException extends RuntimeException {

    DatabaseStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
