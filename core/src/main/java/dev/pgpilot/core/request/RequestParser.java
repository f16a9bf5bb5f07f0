package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule-based, offline request parser: the {@link Router} picks the {@link Frame} that reads the
 * request, the frame resolves every name against the {@link Catalog}, every word must then be
 * accounted for ({@link WordAccount}), and what already exists is recognised
 * ({@link ExistingObjects}). Anything it cannot pin down is refused instead of guessed.
 */
public final class RequestParser {
    private final Catalog catalog;

    public RequestParser(Catalog catalog) {
        this.catalog = catalog;
    }

    public ChangeSet parse(String request) {
        String text = Quote.oneLine(RequestLines.joined(request));
        if (text.isEmpty()) throw refuse("empty request", "say what to change, e.g. \"add notes text to orders\"");
        if (text.length() > 2000) throw refuse("request too long (" + text.length() + " characters)", "describe one change at a time");
        return Misspellings.plan(text, catalog, this::planAsWritten);
    }

    /** The request as written, its reason (if any) set aside and said in the plan. */
    private ChangeSet planAsWritten(String text) {
        Rationale.Split read = read(text, catalog);
        ChangeSet set = MultiChange.plan(text, read.kept(), catalog, RequestParser::clause);
        List<String> notes = new ArrayList<>(TextKeys.searchNotes(read.kept(), set.changes(), catalog));
        if (!read.reason().isEmpty()) notes.add(0, "read \"" + MultiChange.ClauseText.join(read.reason()) + "\" as the reason for the change, not part of it");
        return notes.isEmpty() ? set : set.readFrom(text, notes);
    }

    /** One change (or one clause of several, {@link MultiChange}): routed from {@code words}, every token of {@code accounted} explained. */
    private static List<ChangeRequest> clause(List<Tok> words, List<Tok> accounted, String source, Catalog catalog) {
        List<ChangeRequest> changes;
        try {
            changes = new Router(catalog).route(new Words(words, source));
        } catch (ColumnNameReadings r) {
            throw r.readings(source);
        } catch (PhraseReadings r) {
            throw r.readings(source, (text, marks) -> plansTo(text, marks, catalog));
        } catch (PilotException e) {
            throw new RowChangeGuard(catalog).explain(words, e);
        }
        WordAccount.check(accounted, changes, catalog);
        return changes;
    }

    /** True when the text plans without asking or refusing, and one of its changes holds the marks. */
    private static boolean plansTo(String text, String marks, Catalog catalog) {
        try {
            return new RequestParser(catalog).parse(text).changes().stream().anyMatch(c -> c.toString().contains(marks));
        } catch (PilotException e) {
            return false;
        }
    }

    /**
     * The tokens a request's frames read: the purpose clause set aside, and row changes refused
     * before any frame could read them as DDL. The LLM backend checks its model's reply against
     * the same tokens.
     */
    static List<Tok> readable(String text, Catalog catalog) {
        return read(text, catalog).kept();
    }

    private static Rationale.Split read(String text, Catalog catalog) {
        List<Tok> all = Politeness.strip(RequestLexer.lex(text), true);
        boolean comment = !all.isEmpty() && all.get(0).is("comment", "describe", "document") || text.contains(":");
        if (comment) return new Rationale.Split(all, List.of());
        Rationale.Split split = Rationale.split(Politeness.strip(all, false), catalog);
        new RowChangeGuard(catalog).check(split.kept());
        return split;
    }

    /** True when the request asks for a new table (the LLM backend checks its model's creates with it). */
    static boolean asksForNewTable(String request) {
        String text = Quote.oneLine(request);
        return CreateTableFrame.createsTable(new Words(RequestLexer.lex(text), text));
    }

    static String indexName(String prefix, String table, List<String> cols) {
        return trim63(prefix + "_" + table + "_" + String.join("_", cols));
    }

    static String trim63(String n) {
        return n.length() <= 63 ? n : n.substring(0, 63);
    }

    static PilotException refuse(String message, String hint) {
        return PilotException.refused(message, hint);
    }
}
