package dev.pgpilot.core.eval;

import java.util.List;

/**
 * What happened to one case.
 *
 * @param passed     the case met its expectation
 * @param why        one line: why it failed (empty when passed)
 * @param output     the planner's message and hint, or "planned" when it produced a migration
 * @param sql        the generated up SQL (empty when nothing was planned)
 * @param lintRules  rule ids of the lint warnings (and errors) on the generated migration
 * @param evalBug    the check was already true before the migration: the case cannot fail
 */
public record Outcome(EvalCase c, boolean passed, String why, String output, String sql,
                      List<String> lintRules, boolean evalBug, long millis) {}
