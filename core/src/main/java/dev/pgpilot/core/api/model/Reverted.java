package dev.pgpilot.core.api.model;

public record Reverted(String version, String name, long millis) {}
