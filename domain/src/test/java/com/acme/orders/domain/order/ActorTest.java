package com.acme.orders.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActorTest {

    @ParameterizedTest
    @EnumSource(Actor.class)
    void codes_round_trip(Actor actor) {
        assertThat(Actor.fromCode(actor.code())).isEqualTo(actor);
    }

    @Test
    void unknown_codes_are_refused_like_unknown_statuses() {
        assertThatThrownBy(() -> Actor.fromCode("bogus")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Actor.fromCode(null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Actor.fromCode("USER")).isInstanceOf(InvalidValueException.class);
    }
}
