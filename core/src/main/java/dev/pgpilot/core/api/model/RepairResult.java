package dev.pgpilot.core.api.model;

public record RepairResult(String version, String name, RepairStatus status, boolean changed) {}
