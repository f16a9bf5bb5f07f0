package dev.pgpilot.core.render;

/** A generated migration: its snake_case name, the up and down SQL, and the request it came from. */
public record Migration(String name, String upSql, String downSql, String requestText) {}
