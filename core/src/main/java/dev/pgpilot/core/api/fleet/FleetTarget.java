package dev.pgpilot.core.api.fleet;

/**
 * One database of a rollout: an environment of {@code pgpilot.yaml}, or a line of a targets file.
 *
 * @param name        what the user calls it (environment name, or the file's name for the line)
 * @param dbUrl       the URL when it came from a targets file (null for a configured environment)
 * @param env         the environment name when it is a configured one (null otherwise)
 * @param isProtected a protected environment: the front end must have its name typed before a rollout
 */
public record FleetTarget(String name, String dbUrl, String env, boolean isProtected) {}
