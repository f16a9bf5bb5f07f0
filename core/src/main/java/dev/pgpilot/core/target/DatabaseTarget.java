package dev.pgpilot.core.target;

import dev.pgpilot.core.PilotException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where to connect: a JDBC URL without credentials plus user and password kept apart, so that
 * {@link #display()} can always be printed. Accepts {@code postgresql://}, {@code postgres://}
 * and {@code jdbc:postgresql://} URLs.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/db?...} with no user or password in it
 * @param user     may be null (driver default)
 * @param password may be null; never printed
 * @param label    short name for prompts and messages ("local", an environment name, or the host)
 * @param local    true for the embedded database pgpilot manages
 */
public record DatabaseTarget(String jdbcUrl, String user, String password, String label, boolean local) {

    public static DatabaseTarget parse(String url, String label) {
        if (url == null || url.isBlank()) {
            throw PilotException.error("empty database URL", "pass --db-url postgresql://user@host:5432/db");
        }
        String u = url.trim();
        if (u.startsWith("jdbc:")) {
            u = u.substring(5);
        }
        if (u.startsWith("postgres://")) {
            u = "postgresql://" + u.substring("postgres://".length());
        }
        if (!u.startsWith("postgresql://")) {
            throw PilotException.error("not a PostgreSQL URL: " + redact(url),
                    "use postgresql://user:password@host:5432/dbname");
        }
        String malformedHint = "escape @ # / : ? in the password as %40 %23 %2F %3A %3F (or pass it as ?password=...), and give the port as a number";
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw PilotException.error("malformed database URL: " + redact(url), malformedHint);
        }
        // java.net.URI does not fail on an unreadable authority: it keeps it "registry based" with no
        // host, and a '#' starts a fragment. Either means part of the password or a bad port was
        // read as something else: refuse, never fall back to localhost:5432 (the wrong server).
        boolean hasAuthority = uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty();
        if ((hasAuthority && uri.getHost() == null) || uri.getRawFragment() != null || (uri.getRawPath() != null && uri.getRawPath().contains("@"))) {
            throw PilotException.error("malformed database URL: " + redact(url), malformedHint);
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/postgres" : uri.getRawPath();
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] ui = uri.getRawUserInfo().split(":", 2);
            user = decode(ui[0]);
            password = ui.length > 1 ? decode(ui[1]) : null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                if (kv.isEmpty()) continue;
                String[] p = kv.split("=", 2);
                String key = decode(p[0]);
                // the driver reads user/password in any case; keep them out of the URL in any case
                if (key.equalsIgnoreCase("user") || key.equalsIgnoreCase("password")) key = key.toLowerCase(java.util.Locale.ROOT);
                params.put(key, p.length > 1 ? decode(p[1]) : "");
            }
        }
        if (params.containsKey("user")) user = params.remove("user");
        if (params.containsKey("password")) password = params.remove("password");
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                .append(':').append(port).append(path);
        if (!params.isEmpty()) {
            jdbc.append('?');
            params.forEach((k, v) -> jdbc.append(k).append('=').append(v).append('&'));
            jdbc.setLength(jdbc.length() - 1);
        }
        return new DatabaseTarget(jdbc.toString(), user, password, label == null ? host : label, false);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The URL with any password replaced, safe for logs and error messages. A malformed URL may hold
     * unescaped @ / # in its password, so everything from the user's ':' to the last '@' goes.
     */
    public static String redact(String url) {
        return url == null ? null : SECRET_PARAM.matcher(USERINFO_PASSWORD.matcher(url).replaceFirst("$1****@")).replaceAll("$1****");
    }

    private static final java.util.regex.Pattern USERINFO_PASSWORD = java.util.regex.Pattern.compile("(://[^:/@]*+:).*@", java.util.regex.Pattern.DOTALL);
    /** password=, sslpassword= and any other ...password= parameter, in any case. */
    private static final java.util.regex.Pattern SECRET_PARAM = java.util.regex.Pattern.compile("(?i)(password=)[^&]*+");

    /** For messages: user@host:port/db and the parameters, never a password (sslpassword= stays in the URL for the driver). */
    public String display() {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        return "postgresql://" + (user == null ? "" : user + "@") + SECRET_PARAM.matcher(rest).replaceAll("$1****");
    }

    public String host() {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        return rest.substring(0, rest.indexOf(':', rest.startsWith("[") ? rest.indexOf(']') : 0));
    }

    public int port() {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int colon = rest.indexOf(':', rest.startsWith("[") ? rest.indexOf(']') : 0);
        return Integer.parseInt(rest.substring(colon + 1, rest.indexOf('/', colon)));
    }

    /** Same server, another database. */
    public DatabaseTarget withDatabase(String db) {
        String base = jdbcUrl.replaceFirst("^(jdbc:postgresql://[^/]+)/[^?]*", "$1/" + db);
        return new DatabaseTarget(base, user, password, label, local);
    }

    /** Same server and database, another role (the embedded server trusts local connections). */
    public DatabaseTarget withUser(String role) {
        return new DatabaseTarget(jdbcUrl, role, password, label, local);
    }

    /**
     * True when the URL points at a transaction-mode pooler (Supabase's pooler on 6543, or
     * {@code pgbouncer=true}): session advisory locks and SET do not hold there.
     */
    public boolean looksLikeTransactionPooler() {
        return port() == 6543 || jdbcUrl.contains("pgbouncer=true");
    }

    public Connection connect() {
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        props.setProperty("ApplicationName", "pgpilot");
        props.setProperty("connectTimeout", "5"); // seconds: an unreachable host fails fast instead of after the OS's minute
        // seconds for the whole login: a server (or proxy) that accepts the socket and never answers would otherwise hang forever
        props.setProperty("loginTimeout", "10");
        try {
            return DriverManager.getConnection(jdbcUrl, props);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String msg = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
            if (password != null) msg = msg.replace(password, "****");
            if (e.getCause() instanceof java.net.SocketTimeoutException) {
                // pgjdbc says only "The connection attempt failed."; the cause is what a person can act on.
                msg = msg + " The server accepted the connection but did not answer within " + props.getProperty("connectTimeout")
                        + " s (a firewall or proxy swallowing traffic, or an overloaded server).";
            }
            String hint = switch (state) {
                case "28P01", "28000" -> "check the user name and password";
                case "3D000" -> "create the database first, or fix the name in the URL";
                case "08001", "08006", "08004" -> "is the server running and reachable at " + host() + ":" + port() + "?";
                default -> null;
            };
            throw new PilotException("cannot connect to " + display() + ": " + msg, hint, PilotException.ERROR, e);
        }
    }
}
