package dev.pgpilot.core.api.model;

/** The outcome of one step; {@code reason} says why it failed (null when it passed). */
public record RlsStepResult(String name, boolean passed, String reason) {}
