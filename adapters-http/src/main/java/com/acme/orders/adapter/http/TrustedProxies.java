package com.acme.orders.adapter.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code TRUSTED_PROXIES}), and the choice of a request's
 * client address: the peer's, unless the peer is one of these; then the last hop of {@code X-Forwarded-For} that is
 * not one of these, read from the right, where each trusted proxy appended the address it was connected from. What a
 * client wrote into the header itself lies to the left of that and is never read, and a header from any other peer is
 * ignored: anyone can send one.
 */
public final class TrustedProxies {

    /** No proxy is trusted: the client address is always the peer's. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** What an IPv6 literal is made of: with these characters only, the JDK parses and never looks a name up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** More hops than any real chain of proxies; a longer header is read only this far from the right. */
    static final int MAX_HOPS = 32;

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Reads a comma-separated list of addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code 2001:db8::/32},
     * {@code 127.0.0.1}); blank: none.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or a range
     */
    public static TrustedProxies parse(String list) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : list.split(",", -1)) {
            String candidate = entry.strip();
            if (candidate.isEmpty()) {
                continue;
            }
            ranges.add(Range.parse(candidate));
        }
        return new TrustedProxies(ranges);
    }

    /** Whether no proxy is trusted. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The client address of a request from {@code peer} carrying these {@code X-Forwarded-For} values (several
     * header lines count as one list, in order), in canonical text form. Never throws on what the header holds.
     */
    String clientAddress(String peer, List<String> forwardedFor) {
        Optional<InetAddress> parsedPeer = literal(peer);
        if (parsedPeer.isEmpty()) {
            return peer;
        }
        InetAddress client = parsedPeer.get();
        if (!trusts(client) || forwardedFor.isEmpty()) {
            return client.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",", -1)) {
                hops.add(hop);
            }
        }
        for (int i = hops.size() - 1; i >= 0 && i >= hops.size() - MAX_HOPS; i--) {
            Optional<InetAddress> hop = literal(hops.get(i).strip());
            if (hop.isEmpty()) {
                // not written by a trusted proxy: the last address one of them vouched for is all that is known
                break;
            }
            client = hop.get();
            if (!trusts(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean trusts(InetAddress address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal as a proxy writes it, with brackets or a port tolerated; never a DNS look-up. */
    static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        String address = text;
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            if (end < 0 || !(end == address.length() - 1 || address.charAt(end + 1) == ':')) {
                return Optional.empty();
            }
            address = address.substring(1, end);
        } else if (address.indexOf(':') == address.lastIndexOf(':') && address.indexOf(':') > 0) {
            address = address.substring(0, address.indexOf(':')); // IPv4 with a port
        }
        if (!address.contains(":")) {
            return ipv4(address);
        }
        if (!IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException | RuntimeException notAnAddress) {
            return Optional.empty();
        }
    }

    /** Dotted decimal, four parts from 0 to 255 without leading zeros (which some read as octal). */
    private static Optional<InetAddress> ipv4(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty()
                    || part.length() > 3
                    || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return ranges.toString();
    }

    private static final class Range {

        private final byte[] network;
        private final int prefix;
        private final String text;

        private Range(byte[] network, int prefix, String text) {
            this.network = network;
            this.prefix = prefix;
            this.text = text;
        }

        static Range parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            Optional<InetAddress> parsed = address.contains("[") || address.contains("]") || text.contains(" ")
                    ? Optional.empty()
                    : literal(address);
            if (parsed.isEmpty() || (address.indexOf(':') == address.lastIndexOf(':') && address.contains(":"))) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address or a CIDR range "
                        + "(such as 10.0.0.0/8, 2001:db8::/32 or 127.0.0.1; names are not looked up)");
            }
            byte[] bytes = parsed.get().getAddress();
            int bits = bytes.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String length = text.substring(slash + 1);
                if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                    throw new IllegalArgumentException(
                            "'" + text + "': the prefix length must be a number from 0 to " + bits);
                }
                prefix = Integer.parseInt(length);
            }
            if (!Arrays.equals(bytes, masked(bytes, prefix))) {
                throw new IllegalArgumentException("'" + text + "' has bits set past its prefix; did you mean "
                        + addressOf(masked(bytes, prefix)) + "/" + prefix + "?");
            }
            return new Range(bytes, prefix, text);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            return bytes.length == network.length && Arrays.equals(masked(bytes, prefix), network);
        }

        private static byte[] masked(byte[] bytes, int prefix) {
            byte[] result = bytes.clone();
            for (int bit = prefix; bit < bytes.length * 8; bit++) {
                result[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            return result;
        }

        private static String addressOf(byte[] bytes) {
            try {
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
