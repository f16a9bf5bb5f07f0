package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;

/** A column declared (or retyped) as char(n) / character(n) / bpchar. */
public final class BanCharField extends ColumnTypeRule {
    public BanCharField() {
        super("ban-char-field", Severity.WARNING,
                "char(n) pads values with spaces to n characters, compares ignoring the padding and is no faster than text; the padding surprises clients and length changes rewrite the table. "
                        + "Warning: it works, but is almost never what was meant.",
                "use text (with CHECK (char_length(col) = n) for a fixed length)",
                // CHARACTER VARYING is varchar; CHAR alone means char(1); a quoted "char" is the internal one-byte type.
                StatementText.p("^(?:CHAR|CHARACTER(?!\\s+VARYING)|BPCHAR|NCHAR|NATIONAL\\s+CHAR(?:ACTER)?(?!\\s+VARYING))\\b"),
                "CHAR", "char pads with spaces, use text");
    }
}
