package com.acme.orders.adapter.http;

import com.acme.orders.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns raw request values into value objects, collecting every refusal with the name of the field it came from,
 * so that one 400 lists all that is wrong. The rules themselves live in the value objects.
 */
final class Validation {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** The value object {@code make} builds, or {@code null} after recording why it refused. */
    <T> T field(String name, Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidValueException e) {
            errors.add(new Problem.FieldError(name, e.getMessage()));
            return null;
        }
    }

    /** @throws ApiException listing every refusal, if there was any */
    void orThrow() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
