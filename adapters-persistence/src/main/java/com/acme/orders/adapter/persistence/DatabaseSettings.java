package com.acme.orders.adapter.persistence;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Where the database is and how to log in: a PostgreSQL JDBC URL without credentials, the user and password beside
 * it, and the size of the connection pool. {@link #toString()} never shows the password.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} URL
 * @param username the user to log in as; null to leave it to the driver (the URL, or the operating-system user)
 * @param password the password; null when the server does not ask for one
 * @param maximumPoolSize the most connections the pool opens, at least 1
 */
public record DatabaseSettings(String jdbcUrl, String username, String password, int maximumPoolSize) {

    /** Enough for a service whose requests each hold a connection for a few milliseconds. */
    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;

    private static final int DEFAULT_PORT = 5432;
    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    /** Any parameter whose name mentions a password, e.g. {@code password} or {@code sslpassword}. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)([?&][^=&]*password=)[^&]*");

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new InvalidDatabaseUrlException("the JDBC URL must start with " + JDBC_PREFIX);
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximumPoolSize must be at least 1, was " + maximumPoolSize);
        }
    }

    /**
     * Reads a database URL in either of two forms, with the default pool size:
     * <ul>
     *   <li>{@code postgresql://user:password@host:port/database?parameters} (also {@code postgres://}), the form the
     *       prototype and libpq accept: user and password percent-decoded, port 5432 when absent, parameters passed
     *       on to the driver;</li>
     *   <li>{@code jdbc:postgresql://host:port/database?parameters}, passed through.</li>
     * </ul>
     * In both forms {@code user} and {@code password} parameters are taken out of the URL into {@link #username()}
     * and {@link #password()}, so that the URL can be logged.
     *
     * @throws InvalidDatabaseUrlException when the URL is in neither form or is malformed
     */
    public static DatabaseSettings fromUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidDatabaseUrlException("the database URL is empty");
        }
        String trimmed = url.strip();
        if (trimmed.startsWith(JDBC_PREFIX)) {
            return fromJdbcUrl(trimmed);
        }
        for (String scheme : List.of("postgresql://", "postgres://")) {
            if (trimmed.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return fromLibpqUrl(trimmed.substring(scheme.length()));
            }
        }
        throw new InvalidDatabaseUrlException(
                "the database URL must start with postgresql://, postgres:// or jdbc:postgresql://");
    }

    /** These settings with another pool size. */
    public DatabaseSettings withMaximumPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, username, password, size);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + SECRET_PARAMETER.matcher(jdbcUrl).replaceAll("$1****")
                + ", username=" + username + ", password=" + (password == null ? "(none)" : "****")
                + ", maximumPoolSize=" + maximumPoolSize + "]";
    }

    /** {@code user:password@host:port/database?parameters}, after the scheme. */
    private static DatabaseSettings fromLibpqUrl(String rest) {
        int authorityEnd = indexOfAny(rest, "/?#");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String tail = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
        if (tail.contains("#")) {
            throw new InvalidDatabaseUrlException("the database URL must not have a fragment (#...)");
        }

        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hostAndPort = authority.substring(at + 1);
        String username = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = percentDecode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
            password = colon < 0 ? null : percentDecode(userInfo.substring(colon + 1), "password");
            if (username.isEmpty()) {
                username = null;
            }
        }

        String host;
        String portText;
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            if (close < 0) {
                throw new InvalidDatabaseUrlException("the database URL has an unclosed [ in its IPv6 host");
            }
            host = hostAndPort.substring(0, close + 1);
            String afterHost = hostAndPort.substring(close + 1);
            if (!afterHost.isEmpty() && !afterHost.startsWith(":")) {
                throw new InvalidDatabaseUrlException("the database URL has text after its IPv6 host");
            }
            portText = afterHost.isEmpty() ? null : afterHost.substring(1);
        } else {
            int colon = hostAndPort.indexOf(':');
            host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
            portText = colon < 0 ? null : hostAndPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new InvalidDatabaseUrlException("the database URL names no host");
        }
        if (!host.startsWith("[") && !host.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidDatabaseUrlException(
                    "the database URL's host may hold only letters, digits, '.', '-' and '_'"
                            + " (percent-encode '@', ':' and '/' in the user name and password)");
        }
        int port = parsePort(portText);

        String path = tail;
        String query = "";
        int question = tail.indexOf('?');
        if (question >= 0) {
            path = tail.substring(0, question);
            query = tail.substring(question + 1);
        }
        String database = path.startsWith("/") ? percentDecode(path.substring(1), "database name") : "";
        if (database.isEmpty()) {
            throw new InvalidDatabaseUrlException("the database URL names no database (.../database_name)");
        }
        if (database.contains("/")) {
            throw new InvalidDatabaseUrlException("the database URL's database name must not contain '/'");
        }

        Credentials credentials = Credentials.takeFrom(query, text -> percentDecode(text, "query"));
        String jdbcUrl = JDBC_PREFIX + "//" + host + ":" + port + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8) + credentials.otherParameters();
        // as in libpq, a user or password among the parameters overrides the one before the @
        return new DatabaseSettings(
                jdbcUrl,
                credentials.username() != null ? credentials.username() : username,
                credentials.password() != null ? credentials.password() : password,
                DEFAULT_MAXIMUM_POOL_SIZE);
    }

    /** A JDBC URL passes through; {@code user} and {@code password} parameters move out of it. */
    private static DatabaseSettings fromJdbcUrl(String url) {
        String rest = url.substring(JDBC_PREFIX.length());
        if (rest.isEmpty() || rest.startsWith("?")) {
            throw new InvalidDatabaseUrlException("the JDBC URL names no database or host");
        }
        int question = url.indexOf('?');
        if (question < 0) {
            return new DatabaseSettings(url, null, null, DEFAULT_MAXIMUM_POOL_SIZE);
        }
        // the driver decodes its URL parameters as form data ('+' is a space); so do we
        Credentials credentials = Credentials.takeFrom(url.substring(question + 1), DatabaseSettings::formDecode);
        return new DatabaseSettings(
                url.substring(0, question) + credentials.otherParameters(),
                credentials.username(),
                credentials.password(),
                DEFAULT_MAXIMUM_POOL_SIZE);
    }

    /** The {@code user} and {@code password} query parameters, decoded, and the others as {@code ?a=b&c=d} or "". */
    private record Credentials(String username, String password, String otherParameters) {

        static Credentials takeFrom(String query, UnaryOperator<String> decode) {
            String username = null;
            String password = null;
            List<String> others = new ArrayList<>();
            for (String parameter : query.split("&")) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                String value = equals < 0 ? "" : parameter.substring(equals + 1);
                switch (name) {
                    case "" -> {}
                    case "user" -> username = decode.apply(value);
                    case "password" -> password = decode.apply(value);
                    default -> others.add(parameter);
                }
            }
            return new Credentials(username, password, others.isEmpty() ? "" : "?" + String.join("&", others));
        }

        @Override
        public String toString() {
            return "Credentials[****]";
        }
    }

    private static int parsePort(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_PORT;
        }
        if (!text.matches("[0-9]{1,5}")) {
            throw new InvalidDatabaseUrlException("the database URL's port must be a number from 1 to 65535");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new InvalidDatabaseUrlException("the database URL's port must be a number from 1 to 65535");
        }
        return port;
    }

    /**
     * RFC 3986 percent-decoding as libpq does it: only {@code %XX} is decoded ({@code +} stays a plus), as UTF-8.
     * The error names the part, never its value.
     */
    private static String percentDecode(String text, String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%') {
                int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new InvalidDatabaseUrlException(
                            "the database URL's " + part + " has a malformed percent-encoding (%XX expected)");
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                int next = text.indexOf('%', i);
                int end = next < 0 ? text.length() : next;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String formDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidDatabaseUrlException(
                    "the JDBC URL's query has a malformed percent-encoding (a percent sign and two hex digits expected)");
        }
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
