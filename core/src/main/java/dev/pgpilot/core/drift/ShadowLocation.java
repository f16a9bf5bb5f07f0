package dev.pgpilot.core.drift;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a drift check replayed the migrations, so a reader can tell how far "no drift" goes: a
 * scratch database on the target's own server compares like with like, the embedded server may
 * run another major version (then privileges and view definitions are compared on what both know).
 *
 * @param host               the server that held the shadow database
 * @param shadowMajor        the shadow server's PostgreSQL major version
 * @param targetMajor        the target's PostgreSQL major version
 * @param whyNotTargetServer why the target's server was not used (null when it was)
 */
public record ShadowLocation(Host host, int shadowMajor, int targetMajor, String whyNotTargetServer) {

    /** The server holding the shadow; {@link #json} is the name in {@code diff --json}. */
    public enum Host {
        TARGET_SERVER("target_server"), EMBEDDED("embedded");

        final String json;

        Host(String json) {
            this.json = json;
        }
    }

    static ShadowLocation onTargetServer(int major) {
        return new ShadowLocation(Host.TARGET_SERVER, major, major, null);
    }

    static ShadowLocation onEmbedded(int shadowMajor, int targetMajor, String whyNotTargetServer) {
        return new ShadowLocation(Host.EMBEDDED, shadowMajor, targetMajor, whyNotTargetServer);
    }

    /** Versions differ: MAINTAIN and re-deparsed view definitions are compared on what both servers know. */
    public boolean versionAware() {
        return shadowMajor != targetMajor;
    }

    /** The last line of the text report, after "shadow: ". */
    public String toText() {
        return switch (host) {
            case TARGET_SERVER -> "a scratch database on the target's server (PostgreSQL " + shadowMajor + ")";
            case EMBEDDED -> "the embedded PostgreSQL " + shadowMajor + " (" + whyNotTargetServer + ")"
                    + (versionAware()
                            ? "; the target runs PostgreSQL " + targetMajor + ", privileges and view definitions are compared on what both know"
                            : "");
        };
    }

    /** The {@code "shadow"} object of {@code diff --json}. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", host.json);
        m.put("shadow_postgres_major", shadowMajor);
        m.put("target_postgres_major", targetMajor);
        m.put("version_aware", versionAware());
        m.put("why_not_target_server", whyNotTargetServer);
        m.put("description", toText());
        return m;
    }
}
