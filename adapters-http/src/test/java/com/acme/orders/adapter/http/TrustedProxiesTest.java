package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which address a request counts for: the peer's, or behind trusted proxies the last hop they did not write. */
class TrustedProxiesTest {

    private static final TrustedProxies LOAD_BALANCERS = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1, 2001:db8:1::/48");

    @Test
    void without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says() {
        assertThat(TrustedProxies.NONE.clientAddress("203.0.113.7", List.of("198.51.100.1")))
                .isEqualTo("203.0.113.7");
        assertThat(TrustedProxies.parse("  ").isEmpty()).isTrue();
    }

    @Test
    void a_peer_that_is_not_trusted_cannot_name_another_client() {
        assertThat(LOAD_BALANCERS.clientAddress("203.0.113.7", List.of("198.51.100.1, 10.0.0.5")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void behind_a_trusted_proxy_the_hop_it_appended_is_the_client() {
        assertThat(LOAD_BALANCERS.clientAddress("10.1.2.3", List.of("203.0.113.7")))
                .isEqualTo("203.0.113.7");
        assertThat(LOAD_BALANCERS.clientAddress("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void what_the_client_wrote_before_the_trusted_hops_is_not_believed() {
        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.1", List.of("1.1.1.1, 2.2.2.2, 203.0.113.7, 10.9.9.9")))
                .as("a chain of two trusted proxies")
                .isEqualTo("203.0.113.7");
    }

    @Test
    void several_header_lines_are_one_list_in_order() {
        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.1", List.of("198.51.100.1", "203.0.113.7, 10.2.2.2")))
                .isEqualTo("203.0.113.7");
        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.1", List.of("203.0.113.7", "10.2.2.2")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6_peers_ranges_and_hops_are_compared_as_addresses_and_answered_in_one_spelling() {
        assertThat(LOAD_BALANCERS.clientAddress("2001:db8:1:0:0:0:0:5", List.of("2001:DB8:2::0001")))
                .isEqualTo("2001:db8:2:0:0:0:0:1");
        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.1", List.of("[2001:db8:2::1]:4711")))
                .isEqualTo("2001:db8:2:0:0:0:0:1");
        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.1", List.of("203.0.113.7:4711")))
                .isEqualTo("203.0.113.7");
        assertThat(LOAD_BALANCERS.clientAddress("2001:db8:9::5", List.of("203.0.113.7")))
                .as("outside the IPv6 range")
                .isEqualTo("2001:db8:9:0:0:0:0:5");
        assertThat(LOAD_BALANCERS.clientAddress("::ffff:10.0.0.1", List.of("203.0.113.7")))
                .as("an IPv4-mapped peer is the IPv4 address")
                .isEqualTo("203.0.113.7");
    }

    @Test
    void when_every_hop_is_trusted_the_first_one_is_the_client() {
        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.1", List.of("10.0.0.9, 127.0.0.1")))
                .isEqualTo("10.0.0.9");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                ",",
                "unknown",
                "localhost",
                "example.com",
                "203.0.113.7 garbage",
                "999.1.1.1",
                "010.0.0.1",
                "1.2.3",
                "1.2.3.4.5",
                "::1%eth0",
                "[::1",
                "[::1]x",
                ":::::",
                "\u0000",
                "2001:db8::1::2",
                "1.2.3.4:5:6"
            })
    void garbage_in_the_last_hop_leaves_the_last_address_a_trusted_proxy_vouched_for(String hop) {
        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.1", List.of(hop))).isEqualTo("10.0.0.1");
        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.1", List.of(hop + ", 10.0.0.2")))
                .isEqualTo("10.0.0.2");
    }

    @Test
    void any_header_never_throws_and_answers_an_address_a_trusted_proxy_vouched_for_or_the_client_it_named() {
        Random random = new Random(20261202);
        String alphabet = "0123456789abcdefABCDEF:.,[]% \t-x/";
        for (int i = 0; i < 20_000; i++) {
            List<String> lines = new ArrayList<>();
            for (int line = random.nextInt(3); line >= 0; line--) {
                StringBuilder header = new StringBuilder();
                for (int c = random.nextInt(60); c > 0; c--) {
                    header.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                lines.add(header.toString());
            }

            String client = LOAD_BALANCERS.clientAddress("10.0.0.1", lines);

            assertThat(TrustedProxies.literal(client)).as("%s", lines).isPresent();
        }
    }

    @Test
    void a_very_long_header_is_read_only_so_far_from_the_right() {
        List<String> hops = new ArrayList<>();
        hops.add("203.0.113.7");
        for (int i = 0; i < TrustedProxies.MAX_HOPS + 5; i++) {
            hops.add("10.0.0." + (i % 200 + 1));
        }

        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.1", List.of(String.join(",", hops))))
                .startsWith("10.0.0.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "proxy.internal",
                "10.0.0.0/33",
                "10.0.0.1/8",
                "10.0.0.0/",
                "10.0.0.0/-1",
                "2001:db8::/129",
                "10.0.0.0/8/8",
                "1.2.3.4:80",
                "[::1]",
                "*"
            })
    void an_entry_that_is_not_an_address_or_a_range_is_refused_naming_it(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1, " + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + entry + "'");
    }

    @Test
    void the_message_for_a_range_with_host_bits_names_the_range_meant() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.1.2.3/8")).hasMessageContaining("10.0.0.0/8");
    }
}
