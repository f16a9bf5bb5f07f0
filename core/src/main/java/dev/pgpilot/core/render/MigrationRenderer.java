package dev.pgpilot.core.render;

import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.request.ChangeRequest;
import dev.pgpilot.core.request.ChangeRequest.CreateBucket;
import dev.pgpilot.core.request.ChangeRequest.CreateTable;
import dev.pgpilot.core.request.ChangeSet;
import dev.pgpilot.core.request.QualifiedName;
import dev.pgpilot.core.request.Quote;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ChangeSet} into SQL in the house style: header, then sections in a fixed order,
 * every statement idempotent; and a down script that undoes the changes in reverse order.
 *
 * <p>What must not hold a write-blocking lock on a table that already exists goes into a second
 * migration that runs after the first, outside a transaction (pgpilot runs a file with a
 * CONCURRENTLY statement statement by statement): its indexes are built and dropped CONCURRENTLY,
 * and the foreign keys and checks the first one added NOT VALID are validated there, under a lock
 * that lets writes through. A request with nothing else to do gets only that second file.
 *
 * <p>Each change's statements come from the renderer of its kind ({@link ChangeRenderers}); this
 * class puts them into sections and files.
 */
public final class MigrationRenderer {
    // read once: templates are part of the jar and do not change while running
    private static final String UP_HEADER = Templates.load("migration.sql");
    private static final String DOWN_HEADER = Templates.load("migration.down.sql");
    private static final String SET_UPDATED_AT = Templates.load("set_updated_at.sql").strip();

    /**
     * The shared trigger function goes only when no trigger uses it any more: a table created by
     * another migration (applied, or pending when this one was planned) may still need it, and a
     * down script must not drop what it did not create.
     */
    private static final String DROP_SET_UPDATED_AT = """
            do $$
            begin
              if not exists (select 1 from pg_trigger where tgfoid = to_regprocedure('public.set_updated_at()')) then
                drop function if exists public.set_updated_at();
              end if;
            end
            $$;
            """;

    private static final String IDEMPOTENT = "Idempotent: safe to run twice.";
    private static final String IDEMPOTENT_BUT_BUCKET = "Idempotent: safe to run twice, but for the bucket: one that is already there is refused (the down script deletes it).";

    private final String lockTimeout;

    public MigrationRenderer() {
        this("5s");
    }

    /** @param lockTimeout the lock_timeout a migration that locks existing tables sets first (the config's lock_timeout) */
    public MigrationRenderer(String lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /**
     * The migrations of one request, in the order they run: the transactional one, then (when a
     * change needs it) the one that runs outside a transaction. Never empty.
     */
    public List<MigrationSql> render(ChangeSet set, Instant created) {
        String name = set.name();
        Set<QualifiedName> newTables = new HashSet<>();
        for (ChangeRequest c : set.changes()) if (c instanceof CreateTable t) newTables.add(t.table());
        ChangeRenderers renderers = new ChangeRenderers(newTables);
        Map<Section, List<String>> up = new EnumMap<>(Section.class);
        Map<LaterSection, List<String>> later = new EnumMap<>(LaterSection.class);
        List<List<String>> downs = new ArrayList<>();
        List<List<String>> laterDowns = new ArrayList<>();
        boolean function = false, dropFunction = false, locks = false, downLocks = false;
        for (ChangeRequest c : set.changes()) {
            ChangeSql o = renderers.render(c);
            o.up.forEach((s, l) -> up.computeIfAbsent(s, k -> new ArrayList<>()).addAll(l));
            o.later.forEach((s, l) -> later.computeIfAbsent(s, k -> new ArrayList<>()).addAll(l));
            downs.add(o.down);
            laterDowns.add(o.laterDown);
            function |= o.needsFunction;
            dropFunction |= o.createsFunction;
            locks |= o.locksExistingTable;
            // the down runs when everything is in place: even a table this migration created is in use by then
            downLocks |= o.locksExistingTable || c instanceof CreateTable;
        }
        // an existing set_updated_at() is the project's: used as it is, never replaced
        if (function && dropFunction) {
            up.computeIfAbsent(Section.FUNCTIONS, k -> new ArrayList<>()).add(0, SET_UPDATED_AT);
        }
        String purpose = String.join("; ", set.changes().stream().map(c -> c.describe().replace('_', ' ')).toList());
        String request = Ddl.commentText(set.requestText());
        List<MigrationSql> out = new ArrayList<>();
        if (!up.isEmpty()) {
            String header = fill(UP_HEADER, name, purpose, request, created);
            if (set.changes().stream().anyMatch(c -> c instanceof CreateBucket)) header = header.replace(IDEMPOTENT, IDEMPOTENT_BUT_BUCKET);
            StringBuilder u = new StringBuilder(header);
            alreadyThere(set, u);
            if (locks) u.append(setLockTimeout());
            for (Section s : Section.values()) appendSection(u, s.title, up.get(s));
            StringBuilder d = new StringBuilder(fill(DOWN_HEADER, name, purpose, request, created));
            if (downLocks) d.append(setLockTimeout());
            d.append("\n");
            for (int i = downs.size() - 1; i >= 0; i--) for (String stmt : downs.get(i)) d.append(stmt).append("\n");
            if (dropFunction) d.append(DROP_SET_UPDATED_AT);
            out.add(new MigrationSql(name, u.toString(), d.toString(), set.requestText()));
        }
        if (!later.isEmpty()) {
            // its own name when the request needs nothing else; else the first one's with what it does
            String laterName = out.isEmpty() ? name : trimName(name + (later.containsKey(LaterSection.INDEXES) ? "_concurrently" : "_validate"));
            StringBuilder u = new StringBuilder(fill(UP_HEADER, laterName, purpose, request, created));
            if (out.isEmpty()) alreadyThere(set, u);
            for (LaterSection s : LaterSection.values()) appendSection(u, s.title, later.get(s));
            StringBuilder d = new StringBuilder(fill(DOWN_HEADER, laterName, purpose, request, created));
            if (later.containsKey(LaterSection.VALIDATE)) d.append(setLockTimeout()); // putting a key back to NOT VALID re-adds it
            d.append("\n");
            for (int i = laterDowns.size() - 1; i >= 0; i--) for (String stmt : laterDowns.get(i)) d.append(stmt).append("\n");
            out.add(new MigrationSql(laterName, u.toString(), d.toString(), set.requestText()));
        }
        return List.copyOf(out);
    }

    private static void alreadyThere(ChangeSet set, StringBuilder u) {
        for (String read : set.readAs()) {
            String said = Ddl.commentText(read); // capitalised after quoting, which strips: "a btree ..." must not become "Abtree ..."
            u.append("-- ").append(Character.toUpperCase(said.charAt(0))).append(said.substring(1)).append("\n");
        }
        for (String there : set.alreadyThere()) u.append("-- Already there, left out: ").append(Ddl.commentText(there)).append("\n");
    }

    private static void appendSection(StringBuilder u, String title, List<String> statements) {
        if (statements == null || statements.isEmpty()) return;
        u.append("\n-- ").append(title).append("\n");
        for (String stmt : statements) u.append(stmt).append("\n");
    }

    private static String trimName(String n) {
        return n.length() > 80 ? n.substring(0, 80).replaceAll("_+$", "") : n;
    }

    /** Fail fast instead of queueing behind a long transaction (the lint rule require-lock-timeout). */
    private String setLockTimeout() {
        return "\n-- Fail fast rather than queue behind long transactions: the statements below lock existing tables\nset lock_timeout = "
                + Quote.literal(lockTimeout) + ";\n";
    }

    private static String fill(String template, String name, String purpose, String request, Instant created) {
        return template.replace("{{name}}", name).replace("{{purpose}}", Quote.comment(purpose)).replace("{{request}}", request)
                .replace("{{created}}", created.truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
