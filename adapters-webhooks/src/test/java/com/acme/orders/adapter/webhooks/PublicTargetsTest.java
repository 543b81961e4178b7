package com.acme.orders.adapter.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicTargetsTest {

    /** Names resolved without DNS: what each test name stands for. */
    private static final Map<String, String[]> NAMES = Map.of(
            "public.example", new String[] {"93.184.215.14"},
            "loopback.example", new String[] {"127.0.0.1"},
            "mixed.example", new String[] {"93.184.215.14", "10.1.2.3"},
            "v6.example", new String[] {"2606:2800:21f:cb07:6820:80da:af6b:8b2c"},
            "metadata.example", new String[] {"169.254.169.254"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] literals = NAMES.get(host);
        if (literals == null) {
            // address literals only: getByName parses a literal without asking DNS
            if (!host.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        InetAddress[] addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.getByName(literals[i]);
        }
        return addresses;
    }

    private final PublicTargets strict = new PublicTargets(false, PublicTargetsTest::resolve);
    private final PublicTargets lenient = new PublicTargets(true, PublicTargetsTest::resolve);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://public.example/hooks",
                "http://public.example:8080/hooks?x=1",
                "https://v6.example/",
                "https://93.184.215.14/",
                "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/",
                "HTTPS://public.example/"
            })
    void a_public_http_or_https_target_is_accepted(String url) {
        assertThat(strict.refusal(URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // IPv4: loopback, "this network", private, shared, link-local and metadata, reserved, multicast
                "http://127.0.0.1/",
                "http://127.1.2.3/",
                "http://0.0.0.0/",
                "http://10.0.0.1/",
                "http://172.16.0.1/",
                "http://172.31.255.255/",
                "http://192.168.1.1/",
                "http://100.64.0.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://169.254.0.1/",
                "http://192.0.2.1/",
                "http://198.18.0.1/",
                "http://224.0.0.1/",
                "http://240.0.0.1/",
                "http://255.255.255.255/",
                // IPv6: loopback, unspecified, link-local, unique-local (IPv6 metadata), multicast, documentation
                "http://[::1]/",
                "http://[::]/",
                "http://[fe80::1]/",
                "http://[fc00::1]/",
                "http://[fd00:ec2::254]/",
                "http://[ff02::1]/",
                "http://[2001:db8::1]/",
                // IPv4 carried in IPv6: mapped, compatible, NAT64
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:10.0.0.1]/",
                "http://[::ffff:169.254.169.254]/",
                "http://[::127.0.0.1]/",
                "http://[64:ff9b::a00:1]/",
                // names
                "http://loopback.example/",
                "http://metadata.example/",
                "http://mixed.example/"
            })
    void a_target_that_reaches_a_non_public_address_is_refused(String url) {
        assertThat(strict.refusal(URI.create(url)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("non-public"));
    }

    @Test
    void a_name_that_resolves_to_loopback_through_the_real_resolver_is_refused() {
        assertThat(new PublicTargets(false).refusal(URI.create("http://localhost:8080/")))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ftp://public.example/", "file:///etc/passwd", "gopher://public.example/", "public.example"})
    void only_http_and_https_are_accepted(String url) {
        assertThat(lenient.refusal(URI.create(url))).contains("must be an http or https URL");
    }

    @Test
    void user_information_is_refused() {
        assertThat(strict.refusal(URI.create("https://user:pass@public.example/")))
                .contains("must not carry a user name or password");
    }

    @Test
    void a_host_that_does_not_resolve_is_refused() {
        assertThat(lenient.refusal(URI.create("https://nowhere.invalid/")))
                .contains("names a host that does not resolve");
    }

    @Test
    void with_private_targets_allowed_loopback_and_private_addresses_are_accepted() {
        assertThat(lenient.refusal(URI.create("http://127.0.0.1:9000/hooks"))).isEmpty();
        assertThat(lenient.refusal(URI.create("http://[::1]/"))).isEmpty();
        assertThat(lenient.refusal(URI.create("http://10.0.0.1/"))).isEmpty();
    }
}
