package dev.pgpilot.core.api.model;

import java.util.List;

/**
 * What was reset: how many migrations were applied, the seed files run after them (paths as
 * recorded in {@code supabase_migrations.seed_files}) and warnings (seed patterns that matched nothing).
 */
public record ResetResult(String target, int applied, List<String> seeded, List<String> warnings) {}
