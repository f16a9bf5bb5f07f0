package dev.pgpilot.core.api.model;

/**
 * The SQL the planner generated for one migration, before it is a file: its snake_case name, the up
 * and down SQL, and the request it came from.
 */
public record MigrationSql(String name, String upSql, String downSql, String requestText) {}
