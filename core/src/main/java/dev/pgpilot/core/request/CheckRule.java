package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule of a check constraint as people say it, on one column: a sign ("can't be negative",
 * "positive"), a bound or a range ("at least 1", "between 0 and 12", "from 1 to 12", "1-5"), a
 * length ("between 3 and 120 characters"), a list ("one of red, green or blue"), a case or a
 * character set ("uppercase", "3 uppercase letters", "lowercase letters, digits and dashes"), a
 * date that cannot be in the future, or another column of the table ("must end after they
 * start", "must differ from seller_id"). Built from validated identifiers and escaped literals.
 */
final class CheckRule {
    /** @param suffix the constraint name's last part (table_column_suffix) */
    record Rule(String expression, String suffix) {}

    private final List<Tok> toks;
    private final Said words;

    private CheckRule(List<Tok> toks) {
        this.toks = toks;
        this.words = new Said(toks);
    }

    /**
     * The rule for {@code column}; {@code others} are the table's other columns the request names
     * (the second side of a comparison). Empty when the words state no rule this reads.
     */
    static Optional<Rule> of(List<Tok> toks, Catalog.Column column, List<Catalog.Column> others) {
        return new CheckRule(toks).read(column, others);
    }

    private Optional<Rule> read(Catalog.Column column, List<Catalog.Column> others) {
        String c = Quote.ident(column.name());
        List<String> nums = toks.stream().filter(t -> t.kind() == Kind.NUMBER).map(Tok::text).toList();
        boolean not = words.any("not", "never", "cannot", "no");
        boolean length = words.any("characters", "chars", "character", "long", "longer", "shorter", "length");
        Optional<List<String>> list = oneOf();
        if (list.isPresent()) {
            return Optional.of(new Rule(c + " in (" + String.join(", ", list.get().stream().map(Quote::literal).toList()) + ")", "allowed"));
        }
        if (!others.isEmpty()) {
            Optional<Rule> compared = comparison(c, Quote.ident(others.get(0).name()));
            if (compared.isPresent()) return compared;
        }
        if (words.any("future", "past")) {
            String now = column.type().equals("date") ? "current_date" : "now()";
            boolean future = words.any("future");
            if (!not) return Optional.empty();
            return Optional.of(new Rule(c + (future ? " <= " : " >= ") + now, future ? "not_future" : "not_past"));
        }
        Optional<Rule> pattern = pattern(c, nums);
        if (pattern.isPresent()) return pattern;
        Optional<String[]> range = range(nums);
        String subject = length ? "char_length(" + c + ")" : c;
        if (range.isPresent()) return Optional.of(new Rule(subject + " between " + range.get()[0] + " and " + range.get()[1], length ? "length" : "range"));
        if (length && !nums.isEmpty()) {
            boolean min = words.any("least", "longer") || words.phrase("more", "than");
            return Optional.of(new Rule("char_length(" + c + ") " + (min ? ">= " : "<= ") + nums.get(0), min ? "min_length" : "max_length"));
        }
        if (words.any("non-negative", "nonnegative") || not && words.any("negative") || words.phrase("zero", "or", "more")
                || not && words.phrase("below", "zero") || words.phrase("at", "least", "zero")) {
            return Optional.of(new Rule(c + " >= 0", "non_negative"));
        }
        if (words.any("positive") && !not || words.phrase("greater", "than", "zero") || words.phrase("more", "than", "zero") || words.phrase("above", "zero")) {
            return Optional.of(new Rule(c + " > 0", "positive"));
        }
        if (nums.isEmpty()) return Optional.empty();
        String n = nums.get(0);
        if (words.phrase("at", "most") || words.any("exceed") || words.phrase("no", "more", "than") || words.phrase("up", "to")) return Optional.of(new Rule(c + " <= " + n, "max"));
        if (words.phrase("less", "than") || words.any("below", "under")) return Optional.of(new Rule(c + " < " + n, "max"));
        if (words.phrase("at", "least")) return Optional.of(new Rule(c + " >= " + n, "min"));
        if (words.phrase("greater", "than") || words.phrase("more", "than") || words.any("above", "over")) return Optional.of(new Rule(c + " > " + n, "min"));
        return Optional.empty();
    }

    /** "ends_at after starts_at", "reviewer_id must differ from seller_id". */
    private Optional<Rule> comparison(String c, String other) {
        String op = words.any("after", "later") || words.phrase("greater", "than") || words.phrase("more", "than") ? " > "
                : words.any("before", "earlier") || words.phrase("less", "than") ? " < "
                : words.any("differ", "different", "differs") || words.phrase("not", "equal") || words.phrase("not", "the", "same") ? " <> "
                : words.phrase("at", "least") ? " >= " : words.phrase("at", "most") ? " <= " : null;
        if (op == null) return Optional.empty();
        String tag = switch (op.strip()) { case ">" -> "after"; case "<" -> "before"; case "<>" -> "differs"; case ">=" -> "min"; default -> "max"; };
        return Optional.of(new Rule(c + op + other, tag));
    }

    /** "between 1 and 5", "from 1 to 12", "1-5", "1 to 5". */
    private Optional<String[]> range(List<String> nums) {
        if (nums.size() < 2) return Optional.empty();
        for (int i = 0; i + 2 < toks.size(); i++) {
            Tok a = toks.get(i), mid = toks.get(i + 1), b = toks.get(i + 2);
            if (a.kind() == Kind.NUMBER && b.kind() == Kind.NUMBER && (mid.is("and", "to", "-", "through"))) {
                boolean between = i > 0 && toks.get(i - 1).is("between", "from");
                if (between || !mid.is("and")) return Optional.of(new String[] {a.text(), b.text()});
            }
        }
        return Optional.empty();
    }

    /** "one of red, green, blue or gray", "either 'a' or 'b'". */
    private Optional<List<String>> oneOf() {
        int at = -1;
        for (int i = 0; i + 1 < toks.size(); i++) if (toks.get(i).is("one") && toks.get(i + 1).is("of")) { at = i + 2; break; }
        if (at < 0) return Optional.empty();
        List<String> values = new ArrayList<>();
        for (int i = at; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.kind() == Kind.SYMBOL && t.is(",")) continue;
            if (t.kind() == Kind.WORD && t.is("or", "and", "the", "values")) continue;
            if (t.kind() == Kind.QUOTED || t.kind() == Kind.NUMBER) { values.add(t.text()); continue; }
            if (t.kind() == Kind.WORD) { values.add(t.raw()); continue; }
            break;
        }
        if (values.size() < 2) throw PilotException.refused("one of which values?", "e.g. \"must be one of red, green or blue\"");
        return Optional.of(values);
    }

    /** "uppercase", "3 uppercase letters", "lowercase letters, digits and dashes". */
    private Optional<Rule> pattern(String c, List<String> nums) {
        boolean upper = words.any("uppercase", "upper-case", "capitals", "capital") || words.phrase("upper", "case");
        boolean lower = words.any("lowercase", "lower-case") || words.phrase("lower", "case");
        boolean letters = words.any("letters", "letter");
        boolean digits = words.any("digits", "digit", "numbers");
        boolean dashes = words.any("dashes", "dash", "hyphens", "hyphen");
        boolean underscores = words.any("underscores", "underscore");
        if (!letters && !digits && !dashes && !underscores) {
            if (upper == lower) return Optional.empty();
            return Optional.of(new Rule(c + " = " + (upper ? "upper(" : "lower(") + c + ")", upper ? "upper" : "lower"));
        }
        StringBuilder set = new StringBuilder();
        if (letters) set.append(upper && !lower ? "A-Z" : lower && !upper ? "a-z" : "A-Za-z");
        if (digits) set.append("0-9");
        if (underscores) set.append("_");
        if (dashes) set.append("-");
        String count = nums.size() == 1 ? "{" + nums.get(0) + "}" : "+";
        return Optional.of(new Rule(c + " ~ " + Quote.literal("^[" + set + "]" + count + "$"), "format"));
    }

    /** Word look-ups over the request's tokens (quoted values never count as words). */
    private record Said(List<Tok> toks) {
        boolean any(String... ws) {
            return toks.stream().anyMatch(t -> t.kind() == Kind.WORD && t.is(ws));
        }

        boolean phrase(String... ws) {
            outer:
            for (int i = 0; i + ws.length <= toks.size(); i++) {
                for (int j = 0; j < ws.length; j++) if (toks.get(i + j).kind() != Kind.WORD || !toks.get(i + j).is(ws[j])) continue outer;
                return true;
            }
            return false;
        }
    }
}
