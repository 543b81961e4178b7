package com.acme.orders.adapter.webhooks;

import com.acme.orders.application.port.out.WebhookTargets;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Webhook targets that cannot reach into the service's own network (server-side request forgery): an {@code http}
 * or {@code https} URL with a host, no user information, whose name resolves only to public unicast addresses. Every
 * address the name has is checked, not only the first, so that a name cannot hide a private address behind a public
 * one. Refused: loopback, private (RFC 1918), shared (100.64/10), link-local (which holds the cloud metadata address
 * 169.254.169.254), unique-local IPv6 (fc00::/7, where cloud metadata lives in IPv6), unspecified, multicast, broadcast
 * and the reserved and documentation ranges; an IPv6 address that carries an IPv4 one (mapped, compatible, NAT64) is
 * judged by the IPv4 address it carries. With {@code allowPrivate} (local development and tests only) any resolvable
 * address is accepted.
 *
 * <p>The check runs again before every delivery; between the check and the connection the name could still resolve
 * anew, which only a pinned address would close.
 */
public final class PublicTargets implements WebhookTargets {

    /** Resolves a host name to all its addresses; {@link InetAddress#getAllByName} in service. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public PublicTargets(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public PublicTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public Optional<String> refusal(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (target.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String host = target.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("must name a host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        if (addresses.length == 0) {
            return Optional.of("names a host that does not resolve");
        }
        if (!allowPrivate && !Arrays.stream(addresses).allMatch(PublicTargets::isPublic)) {
            return Optional.of("resolves to a loopback, private, link-local or otherwise non-public address");
        }
        return Optional.empty();
    }

    /** Whether {@code address} is a public unicast address, one that leads out of the service's own network. */
    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return isPublicIpv6(bytes);
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] a) {
        int b0 = a[0] & 0xFF;
        int b1 = a[1] & 0xFF;
        int b2 = a[2] & 0xFF;
        return !(b0 == 0 // "this network", 0.0.0.0
                || b0 == 10 // private
                || (b0 == 100 && (b1 & 0xC0) == 64) // shared address space, 100.64/10
                || b0 == 127 // loopback
                || (b0 == 169 && b1 == 254) // link-local, cloud metadata
                || (b0 == 172 && (b1 & 0xF0) == 16) // private, 172.16/12
                || (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) // IETF protocol assignments, TEST-NET-1
                || (b0 == 192 && b1 == 168) // private
                || (b0 == 198 && (b1 & 0xFE) == 18) // benchmarking, 198.18/15
                || (b0 == 198 && b1 == 51 && b2 == 100) // TEST-NET-2
                || (b0 == 203 && b1 == 0 && b2 == 113) // TEST-NET-3
                || b0 >= 224); // multicast, reserved, broadcast
    }

    private static boolean isPublicIpv6(byte[] a) {
        if (isZero(a, 0, 10) && (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF) {
            return isPublicIpv4(Arrays.copyOfRange(a, 12, 16)); // IPv4-mapped, ::ffff:a.b.c.d
        }
        if (isZero(a, 0, 12)) {
            return false; // unspecified ::, loopback ::1 and the deprecated IPv4-compatible ::a.b.c.d
        }
        if ((a[0] & 0xFF) == 0x00
                && (a[1] & 0xFF) == 0x64
                && (a[2] & 0xFF) == 0xFF
                && (a[3] & 0xFF) == 0x9B
                && isZero(a, 4, 12)) {
            return isPublicIpv4(Arrays.copyOfRange(a, 12, 16)); // NAT64, 64:ff9b::a.b.c.d
        }
        int first = a[0] & 0xFF;
        int second = a[1] & 0xFF;
        return !((first & 0xFE) == 0xFC // unique-local, fc00::/7
                || (first == 0xFE && (second & 0xC0) == 0x80) // link-local, fe80::/10
                || (first == 0xFE && (second & 0xC0) == 0xC0) // site-local (deprecated), fec0::/10
                || first == 0xFF // multicast
                || (first == 0x20 && second == 0x01 && (a[2] & 0xFF) == 0x0D && (a[3] & 0xFF) == 0xB8)); // docs
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
