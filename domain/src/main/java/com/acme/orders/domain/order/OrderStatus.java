package com.acme.orders.domain.order;

import com.acme.orders.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an order is in its life cycle, and the one table of the moves between states:
 * {@code pending -> processing -> completed} and {@code pending -> cancelled}; nothing else.
 */
public enum OrderStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    CANCELLED;

    // Computed once: every order read from storage, and every order written as JSON, asks for its status's code.
    private final String code = name().toLowerCase(Locale.ROOT);

    private static final String CODES =
            Arrays.stream(values()).map(OrderStatus::code).collect(Collectors.joining(", "));

    /** The states this one may move to. The whole state machine is this switch. */
    public Set<OrderStatus> successors() {
        return switch (this) {
            case PENDING -> EnumSet.of(PROCESSING, CANCELLED);
            case PROCESSING -> EnumSet.of(COMPLETED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus next) {
        return successors().contains(next);
    }

    /**
     * How many moves lead from {@code pending} to this state. The same on every path: every state but
     * {@code pending} is reached from exactly one other, so the moves form a tree rooted at {@code pending}.
     *
     * @throws IllegalStateException if the table ever lets a state be reached from two others (the tree rule broken)
     */
    public int movesFromPending() {
        int moves = 0;
        for (OrderStatus state = this; state != PENDING; state = state.predecessor()) {
            moves++;
        }
        return moves;
    }

    private OrderStatus predecessor() {
        OrderStatus found = null;
        for (OrderStatus candidate : values()) {
            if (candidate.canMoveTo(this)) {
                if (found != null) {
                    throw new IllegalStateException(code + " is reached from " + found.code + " and " + candidate.code);
                }
                found = candidate;
            }
        }
        if (found == null) {
            throw new IllegalStateException(code + " is reached from no state");
        }
        return found;
    }

    /** The lower-case name used on the wire and in storage. */
    public String code() {
        return code;
    }

    public static OrderStatus fromCode(String code) {
        for (OrderStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw InvalidValueException.because("must be one of: " + CODES);
    }
}
