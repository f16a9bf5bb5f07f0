package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.DROP;
import static dev.pgpilot.core.request.Vocabulary.EVERYTHING;
import static dev.pgpilot.core.request.Vocabulary.SCHEMA_WORDS;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.RequestLexer.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the frame that reads a request: refuses what is not a schema change or is destructive
 * without naming its object, then tries every {@link FrameKind} whose cue fits. A reading that
 * leaves a word out ({@link WordAccount}) is no reading of the request; the complete readings are
 * scored ({@link ReadingScore}) and the best wins only if it clearly beats every other one, else
 * the request is asked about with each reading. With no complete reading, the first frame's
 * refusal (or the first reading that left a word out) is the answer.
 */
final class Router {
    private final Catalog catalog;
    private final Slots slots;
    private final PolicyPhrases policies;
    private final IndexFrame indexes;
    private final boolean nested;

    Router(Catalog catalog) {
        this(catalog, false);
    }

    /** @param nested re-reading a reading's own text: a tie there is refused, never said again */
    private Router(Catalog catalog, boolean nested) {
        this.catalog = catalog;
        this.nested = nested;
        this.slots = Slots.of(catalog);
        this.policies = new PolicyPhrases(catalog);
        this.indexes = new IndexFrame(slots);
    }

    /** Each kind's frame; exhaustive, so a new kind does not compile until it has one. */
    Frame frame(FrameKind kind) {
        return switch (kind) {
            case STORAGE_POLICY -> new PolicyFrame(policies, true);
            case BUCKET -> new BucketFrame(catalog);
            case COMMENT -> new CommentFrame(slots);
            case NO_LONGER_NEEDED -> new DropFrame(slots, indexes, true);
            case POLICY -> new PolicyFrame(policies, false);
            case RLS -> new RlsFrame(slots);
            case TRIGGER -> new TriggerFrame(slots);
            case TIMESTAMPS -> new TimestampsFrame(slots);
            case ENUM_COLUMN -> new EnumColumnFrame(slots);
            case CREATE_ENUM -> new CreateEnumFrame(slots);
            case ADD_ENUM_VALUE -> new AddEnumValueFrame(slots);
            case INDEX -> indexes;
            case CREATE_TABLE -> new CreateTableFrame(slots);
            case RENAME_ENUM_VALUE -> new RenameEnumValueFrame(slots);
            case RENAME -> new RenameFrame(slots);
            case FOREIGN_KEY -> new ForeignKeyFrame(slots);
            case DROP -> new DropFrame(slots, indexes, false);
            case ADD_COLUMNS -> new AddColumnsFrame(slots, false);
            case UNIQUE -> new UniqueFrame(slots);
            case REQUIRED -> new NullabilityFrame(slots, true);
            case OPTIONAL -> new NullabilityFrame(slots, false);
            case CHECK -> new CheckFrame(slots);
            case SET_DEFAULT -> new DefaultFrame(slots);
            case ALTER_TYPE -> new AlterTypeFrame(slots);
            case HAVE_COLUMNS -> new AddColumnsFrame(slots, true);
        };
    }

    List<ChangeRequest> route(Words w) {
        if (!w.any(SCHEMA_WORDS) && w.tables(catalog).isEmpty() && w.dotted().isEmpty()
                && w.all().stream().noneMatch(t -> t.word() && (catalog.findEnum(t.text()).isPresent() || catalog.findIndex(t.text()).isPresent()))
                && new ColumnLinker(catalog).candidates(w.all()).isEmpty()
                && !namesAColumn(w) && !StoragePolicies.namesBucket(catalog, w.all()) && BucketNames.existing(catalog, w.all()).isEmpty()) {
            throw refuse("not a schema change: \"" + w.text() + "\"",
                    "ask for a change to tables, columns, indexes, policies or buckets, e.g. \"add notes text to orders\"");
        }
        if (w.any(DROP) && (w.any(EVERYTHING) || w.has("all")) && w.tables(catalog).isEmpty() && !w.has("index") && !w.has("default")) {
            throw refuse("refusing a vague destructive request: \"" + w.text() + "\"", "name exactly what to drop, e.g. \"drop the temp_exports table\"");
        }
        boolean oneChange = false;
        PilotException leftOut = null;
        List<ReadingScore> complete = new ArrayList<>();
        for (FrameKind kind : FrameKind.values()) {
            if (!kind.quotesAnything() && !oneChange) {
                // a comment or bucket that read the request whole may quote ";": no other frame reads such a request
                if (!complete.isEmpty() && hasSemicolon(w)) break;
                refuseSemicolon(w);
                oneChange = true;
            }
            Frame f = frame(kind);
            if (!f.fits(w)) continue;
            List<ChangeRequest> changes;
            try {
                changes = f.read(w);
            } catch (PilotException e) {
                // a frame that fits and refuses has judged the request (unknown name, security, already there): final,
                // unless an earlier frame read it, or read it all but a word; then only a reading of every word may stand beside that
                if (leftOut == null && complete.isEmpty()) throw e;
                continue;
            }
            try {
                WordAccount.check(w.all(), changes, catalog);
            } catch (PilotException e) {
                // a reading that leaves a word out is not a reading of this request: the next frame whose cue fits may read every word
                if (leftOut == null && complete.isEmpty()) leftOut = e;
                continue;
            }
            if (complete.stream().noneMatch(r -> r.changes().equals(changes))) complete.add(ReadingScore.of(kind, changes, w.all(), catalog));
        }
        if (!complete.isEmpty()) return choose(w, complete);
        if (leftOut != null) throw leftOut;
        throw refuse("not a schema change I understand: \"" + w.text() + "\"",
                "try e.g. \"add notes text to orders\", \"index orders on status\", \"rename customers.full_name to display_name\"");
    }

    /**
     * One complete reading is the reading. Of several, the best wins only if it clearly beats each
     * other one ({@link ReadingScore#beats}); with the ones it does not beat, the request is asked
     * about, each reading said as a request that plans exactly it ({@link ReadingText}), or
     * refused listing them when one of them cannot be said so.
     */
    private List<ChangeRequest> choose(Words w, List<ReadingScore> complete) {
        List<ReadingScore> ranked = new ArrayList<>(complete);
        ranked.sort(ReadingScore.BEST_FIRST);
        ReadingScore best = ranked.get(0);
        List<ReadingScore> tied = ranked.stream().filter(r -> r == best || !best.beats(r)).toList();
        if (tied.size() == 1) return best.changes();
        List<AmbiguousRequest.Reading> readings = new ArrayList<>();
        for (ReadingScore r : tied) {
            Optional<String> said = nested ? Optional.empty() : ReadingText.of(r.changes()).filter(text -> replans(text, r.changes()));
            if (said.isEmpty()) {
                throw refuse("\"" + w.source() + "\" can mean " + tied.size() + " things: " + meanings(tied),
                        "say which, naming the kind of change and the table.column it is about");
            }
            readings.add(new AmbiguousRequest.Reading(said.get(), said.get()));
        }
        throw new AmbiguousRequest(w.source(), readings);
    }

    /** True when the text, read on its own, gives exactly these changes and nothing to ask. */
    private boolean replans(String text, List<ChangeRequest> changes) {
        try {
            return new Router(catalog, true).route(new Words(RequestParser.readable(text, catalog), text)).equals(changes);
        } catch (PilotException e) {
            return false;
        }
    }

    private static String meanings(List<ReadingScore> readings) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            out.add((i + 1) + ") " + String.join(" + ", readings.get(i).changes().stream().map(ChangeRequest::describe).toList()).replace('_', ' '));
        }
        return String.join("; ", out);
    }

    /** "grades go from 1 to 12", "date of birth can't be in the future": words that name a column of some table are about the schema. */
    private boolean namesAColumn(Words w) {
        ColumnLinker links = new ColumnLinker(catalog);
        return catalog.tables().values().stream().anyMatch(t -> t.name().schema().equals("public") && !links.in(t, w.all()).isEmpty());
    }

    /** Everywhere but in a comment's text or a bucket request, ";" is refused so one request stays one change. */
    private static boolean hasSemicolon(Words w) {
        return w.all().stream().anyMatch(t -> t.is(";") && t.kind() == Kind.SYMBOL);
    }

    private static void refuseSemicolon(Words w) {
        w.all().stream().filter(t -> t.is(";") && t.kind() == Kind.SYMBOL).findFirst().ifPresent(t -> {
            throw refuse("did not understand \";\": one request at a time", "send each change as its own request, or list columns with commas");
        });
    }
}
