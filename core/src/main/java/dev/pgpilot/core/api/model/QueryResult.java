package dev.pgpilot.core.api.model;

import java.util.List;

/**
 * What a read-only query returned, every value as text (null stays null).
 *
 * @param columns   column labels in order
 * @param rows      at most {@code ReadOnlyQuery.MAX_ROWS} rows
 * @param truncated true when the query had more rows than were kept
 */
public record QueryResult(List<String> columns, List<List<String>> rows, boolean truncated) {}
