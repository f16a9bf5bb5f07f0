package dev.pgpilot.core.api;

/**
 * The resolved target as a question before a change shows it.
 *
 * @param display              the address, never with a password
 * @param label                the environment's name or the host
 * @param protectedEnvironment the environment's name when it is protected (typed to confirm), else null
 */
public record Where(String display, String label, String protectedEnvironment) {}
