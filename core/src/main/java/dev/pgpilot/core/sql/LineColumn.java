package dev.pgpilot.core.sql;

/**
 * A place in a script as a person reads it: 1-based line and 1-based column, where the column counts
 * characters (Unicode code points, as the server counts them), not UTF-16 units.
 */
public record LineColumn(int line, int column) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
