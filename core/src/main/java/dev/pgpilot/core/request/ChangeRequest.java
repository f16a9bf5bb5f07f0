package dev.pgpilot.core.request;

import java.util.List;

/**
 * One schema change a request asks for. Records hold resolved names (checked against the
 * {@link Catalog}) and, where a down script needs it, what was there before.
 */
public sealed interface ChangeRequest {

    /** Short snake_case words for the migration name, e.g. {@code add_notes_to_orders}. */
    String describe();

    /** Hands this change to the method of {@code cases} for its kind. */
    <R> R accept(Cases<R> cases);

    /**
     * One method per kind of change: Java 17's stand-in for an exhaustive switch over this sealed
     * type. A new kind does not compile until it has an {@code accept}, and then every {@code Cases}
     * (the migration renderer's dispatch) does not compile until it handles the kind.
     */
    interface Cases<R> {
        R addColumn(AddColumn change);
        R dropColumn(DropColumn change);
        R renameColumn(RenameColumn change);
        R alterColumnType(AlterColumnType change);
        R setDefault(SetDefault change);
        R dropDefault(DropDefault change);
        R setNotNull(SetNotNull change);
        R addCheck(AddCheck change);
        R addForeignKey(AddForeignKey change);
        R changeOnDelete(ChangeOnDelete change);
        R createTable(CreateTable change);
        R renameTable(RenameTable change);
        R dropTable(DropTable change);
        R createIndex(CreateIndex change);
        R dropIndex(DropIndex change);
        R createEnum(CreateEnum change);
        R addEnumValue(AddEnumValue change);
        R renameEnumValue(RenameEnumValue change);
        R renameEnum(RenameEnum change);
        R enableRls(EnableRls change);
        R createPolicy(CreatePolicy change);
        R createRightsCheck(CreateRightsCheck change);
        R createMembershipCheck(CreateMembershipCheck change);
        R addUpdatedAtTrigger(AddUpdatedAtTrigger change);
        R dropTrigger(DropTrigger change);
        R setTriggerEnabled(SetTriggerEnabled change);
        R createBucket(CreateBucket change);
        R changeBucket(ChangeBucket change);
        R comment(Comment change);
    }

    record AddColumn(QualifiedName table, ColumnDef column) implements ChangeRequest {
        public String describe() { return "add_" + column.name() + "_to_" + table.name(); }
        public <R> R accept(Cases<R> cases) { return cases.addColumn(this); }
    }

    /** @param previous the column's shape, so the down script can recreate it (data is not restored) */
    record DropColumn(QualifiedName table, ColumnDef previous, List<String> dependentIndexes) implements ChangeRequest {
        public String describe() { return "drop_" + previous.name() + "_from_" + table.name(); }
        public <R> R accept(Cases<R> cases) { return cases.dropColumn(this); }
    }

    record RenameColumn(QualifiedName table, String from, String to) implements ChangeRequest {
        public String describe() { return "rename_" + table.name() + "_" + from + "_to_" + to; }
        public <R> R accept(Cases<R> cases) { return cases.renameColumn(this); }
    }

    record AlterColumnType(QualifiedName table, String column, String newType, String oldType) implements ChangeRequest {
        public String describe() { return "change_type_of_" + table.name() + "_" + column; }
        public <R> R accept(Cases<R> cases) { return cases.alterColumnType(this); }
    }

    /** @param previous default before the change (null = none) */
    record SetDefault(QualifiedName table, String column, String defaultSql, String previous) implements ChangeRequest {
        public String describe() { return "set_default_of_" + table.name() + "_" + column; }
        public <R> R accept(Cases<R> cases) { return cases.setDefault(this); }
    }

    record DropDefault(QualifiedName table, String column, String previous) implements ChangeRequest {
        public String describe() { return "drop_default_of_" + table.name() + "_" + column; }
        public <R> R accept(Cases<R> cases) { return cases.dropDefault(this); }
    }

    /** notNull true = require values; false = make optional. */
    record SetNotNull(QualifiedName table, String column, boolean notNull) implements ChangeRequest {
        public String describe() { return (notNull ? "require_" : "make_optional_") + table.name() + "_" + column; }
        public <R> R accept(Cases<R> cases) { return cases.setNotNull(this); }
    }

    /** @param expression built from validated identifiers and escaped literals only */
    record AddCheck(QualifiedName table, String name, String expression) implements ChangeRequest {
        public String describe() { return "add_check_" + name; }
        public <R> R accept(Cases<R> cases) { return cases.addCheck(this); }
    }

    record AddForeignKey(QualifiedName table, String column, QualifiedName refTable, String refColumn,
                         String onDelete, String constraintName, String indexName) implements ChangeRequest {
        public String describe() { return "add_fk_" + table.name() + "_" + column; }
        public <R> R accept(Cases<R> cases) { return cases.addForeignKey(this); }
    }

    /**
     * The foreign key of an existing column gets another ON DELETE ("invoices.patient_id: cascade deletes from patients").
     * @param definition pg_get_constraintdef of the key as it is now, which the down script puts back
     */
    record ChangeOnDelete(QualifiedName table, String column, QualifiedName refTable, String refColumn, String onDelete,
                          String constraintName, String definition) implements ChangeRequest {
        public String describe() { return "change_on_delete_of_" + table.name() + "_" + column; }
        public <R> R accept(Cases<R> cases) { return cases.changeOnDelete(this); }
    }

    /**
     * @param junction    true for a link table whose primary key is its two foreign keys
     * @param ownerColumn column holding auth.users(id) of the owner (owner policies), or null
     * @param primaryKey  the columns the request made the primary key ("id uuid primary key references
     *                    auth.users", "primary key on both"); empty: a generated uuid id (or the junction's two)
     */
    record CreateTable(QualifiedName table, List<ColumnDef> columns, boolean junction, String ownerColumn,
                       boolean createsUpdatedAtFunction, List<String> primaryKey) implements ChangeRequest {
        public CreateTable {
            primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        }

        public CreateTable(QualifiedName table, List<ColumnDef> columns, boolean junction, String ownerColumn, boolean createsUpdatedAtFunction) {
            this(table, columns, junction, ownerColumn, createsUpdatedAtFunction, List.of());
        }

        /** The primary key's columns as the table will have them. */
        public List<String> keyColumns() {
            if (!primaryKey.isEmpty()) return primaryKey;
            return junction ? List.of(columns.get(0).name(), columns.get(1).name()) : List.of("id");
        }

        public String describe() { return "create_" + table.name(); }
        public <R> R accept(Cases<R> cases) { return cases.createTable(this); }
    }

    record RenameTable(QualifiedName table, String to) implements ChangeRequest {
        public String describe() { return "rename_" + table.name() + "_to_" + to; }
        public <R> R accept(Cases<R> cases) { return cases.renameTable(this); }
    }

    /** @param rebuild statements (from the catalog) that recreate the table's shape in the down script */
    record DropTable(QualifiedName table, List<String> rebuild) implements ChangeRequest {
        public String describe() { return "drop_" + table.name(); }
        public <R> R accept(Cases<R> cases) { return cases.dropTable(this); }
    }

    /**
     * @param where      partial-index predicate built from validated parts, or null
     * @param fullText   a gin index on to_tsvector of the (text) columns
     * @param descending the columns kept newest/largest first (DESC); empty: all ascending
     * @param gin        a gin index on the columns themselves (jsonb, arrays, tsvector)
     * @param lowered    the columns keyed as lower(column), for lookups that ignore case; empty: none
     */
    record CreateIndex(QualifiedName table, String name, List<String> columns, boolean unique, String where,
                       boolean fullText, List<String> descending, boolean gin, List<String> lowered) implements ChangeRequest {
        public CreateIndex {
            columns = List.copyOf(columns);
            descending = descending == null ? List.of() : List.copyOf(descending);
            lowered = lowered == null ? List.of() : List.copyOf(lowered);
        }

        public CreateIndex(QualifiedName table, String name, List<String> columns, boolean unique, String where,
                           boolean fullText, List<String> descending, boolean gin) {
            this(table, name, columns, unique, where, fullText, descending, gin, List.of());
        }

        public CreateIndex(QualifiedName table, String name, List<String> columns, boolean unique, String where, boolean fullText) {
            this(table, name, columns, unique, where, fullText, List.of(), false);
        }

        public String describe() {
            return (unique ? "add_unique_" : "index_") + table.name() + "_" + String.join("_", columns.stream().map(c -> lowered.contains(c) ? "lower_" + c : c).toList());
        }
        public <R> R accept(Cases<R> cases) { return cases.createIndex(this); }
    }

    /**
     * @param definition pg_get_indexdef of the index, for the down script
     * @param namedBy    the table.column the request named the index by ("the index on payments.gym_id"), or null
     */
    record DropIndex(QualifiedName index, String definition, String namedBy) implements ChangeRequest {
        public DropIndex(QualifiedName index, String definition) {
            this(index, definition, null);
        }

        public String describe() { return "drop_" + index.name(); }
        public <R> R accept(Cases<R> cases) { return cases.dropIndex(this); }
    }

    record CreateEnum(QualifiedName type, List<String> values) implements ChangeRequest {
        public String describe() { return "create_enum_" + type.name(); }
        public <R> R accept(Cases<R> cases) { return cases.createEnum(this); }
    }

    /**
     * @param before the value it goes before, or null; @param after the value it goes after, or null
     * (neither: at the end; both: "between", the two neighbours it goes between)
     * @param column the table.column the request named the enum by ("notes.priority can also be
     * blocked"), or null when it named the enum itself
     */
    record AddEnumValue(QualifiedName type, String value, String before, String after, String column) implements ChangeRequest {
        public AddEnumValue(QualifiedName type, String value) {
            this(type, value, null, null, null);
        }

        public String describe() { return "add_value_to_" + type.name(); }
        public <R> R accept(Cases<R> cases) { return cases.addEnumValue(this); }
    }

    record RenameEnumValue(QualifiedName type, String from, String to) implements ChangeRequest {
        public String describe() { return "rename_" + type.name() + "_value_" + from + "_to_" + to; }
        public <R> R accept(Cases<R> cases) { return cases.renameEnumValue(this); }
    }

    /** "rename the term type to semester": the type keeps its values, and every column of it keeps working (they point at it, not at its name). */
    record RenameEnum(QualifiedName type, String to) implements ChangeRequest {
        public String describe() { return "rename_type_" + type.name() + "_to_" + to; }
        public <R> R accept(Cases<R> cases) { return cases.renameEnum(this); }
    }

    record EnableRls(QualifiedName table) implements ChangeRequest {
        public String describe() { return "enable_rls_on_" + table.name(); }
        public <R> R accept(Cases<R> cases) { return cases.enableRls(this); }
    }

    /**
     * @param command   select, insert, update or delete
     * @param using     row filter for existing rows (null for insert)
     * @param withCheck row filter for new rows (insert/update), or null
     * @param enableRls the table has RLS off: turn it on too, or the policy does nothing
     * @param restrictive AS RESTRICTIVE: every other policy for the command must pass this one too ("only admins can ...")
     * @param note one line for the plan saying why the policy is shaped so (null = nothing to say)
     * @param everyRow the request's words saying every row is meant whatever a column holds ("drafts included",
     *                 "published or not"): no filter comes of them (null = none)
     */
    record CreatePolicy(QualifiedName table, String name, String command, List<String> roles, String using,
                        String withCheck, boolean enableRls, boolean restrictive, String note, String everyRow) implements ChangeRequest {
        public CreatePolicy(QualifiedName table, String name, String command, List<String> roles, String using, String withCheck, boolean enableRls) {
            this(table, name, command, roles, using, withCheck, enableRls, false, null, null);
        }

        public CreatePolicy(QualifiedName table, String name, String command, List<String> roles, String using, String withCheck,
                            boolean enableRls, boolean restrictive, String note) {
            this(table, name, command, roles, using, withCheck, enableRls, restrictive, note, null);
        }

        public String describe() { return "add_policy_" + name; }
        public <R> R accept(Cases<R> cases) { return cases.createPolicy(this); }
    }

    /**
     * A function the policies of this request call to ask whether the signed-in user has a right
     * that one of their own rows records ("users whose profiles.role is 'admin'"). SECURITY DEFINER:
     * a plain subquery in a policy sees only what that table's own policies show the caller, which
     * may be nothing.
     * @param function its name (named by {@code RightsColumn}: has_, the table, the condition); @param table the table it reads
     * @param userColumn the column saying which row is the caller's; @param condition what that row must say,
     *                   built from the table's own column names and escaped literals only
     */
    record CreateRightsCheck(QualifiedName function, QualifiedName table, String userColumn, String condition) implements ChangeRequest {
        public String describe() { return "add_function_" + function.name(); }
        public <R> R accept(Cases<R> cases) { return cases.createRightsCheck(this); }

        /** How a policy asks it: in a subselect, so PostgreSQL calls it once per statement, not once per row. */
        public String call() { return "(select " + function.sql() + "())"; }
    }

    /**
     * A function a policy on a membership table calls to ask whether the signed-in user is a member of
     * the row's parent ("members can see the other members of their project"). A policy on that table
     * that read the table itself would recurse under RLS (PostgreSQL stops it as infinite recursion);
     * SECURITY DEFINER reads it without its policies, and answers only for the caller.
     * @param function its name (has_, the link table, the key); @param link the membership table it reads
     * @param key the link's column naming the parent; @param keyType that column's type, the argument's
     */
    record CreateMembershipCheck(QualifiedName function, QualifiedName link, String key, String keyType) implements ChangeRequest {
        public String describe() { return "add_function_" + function.name(); }
        public <R> R accept(Cases<R> cases) { return cases.createMembershipCheck(this); }
    }

    /**
     * @param column the column the trigger keeps current: always updated_at, the one the shared
     * set_updated_at() writes; carried so "keep orders.updated_at current" says every word it spent
     * @param createsFunction the shared public.set_updated_at() does not exist yet
     */
    record AddUpdatedAtTrigger(QualifiedName table, String column, boolean createsFunction) implements ChangeRequest {
        public AddUpdatedAtTrigger {
            if (column == null) column = "updated_at";
            if (!column.equals("updated_at")) throw new IllegalArgumentException("set_updated_at() writes updated_at, not " + column);
        }

        public AddUpdatedAtTrigger(QualifiedName table, boolean createsFunction) {
            this(table, "updated_at", createsFunction);
        }

        public String describe() { return "add_updated_at_trigger_to_" + table.name(); }
        public <R> R accept(Cases<R> cases) { return cases.addUpdatedAtTrigger(this); }

        public String triggerName() {
            String n = "set_" + table.name() + "_updated_at";
            return n.length() <= 63 ? n : n.substring(0, 63);
        }
    }

    /**
     * @param definition pg_get_triggerdef of the trigger, which the down script creates again
     * @param column the column the request named the trigger by ("stop bumping orders.updated_at"), or null
     */
    record DropTrigger(QualifiedName table, String name, String definition, String column) implements ChangeRequest {
        public DropTrigger(QualifiedName table, String name, String definition) {
            this(table, name, definition, null);
        }

        public String describe() { return "drop_trigger_" + name; }
        public <R> R accept(Cases<R> cases) { return cases.dropTrigger(this); }
    }

    /** "turn off the X trigger" (disable: it stays defined, and the down enables it again), "turn it back on". */
    record SetTriggerEnabled(QualifiedName table, String name, boolean enabled) implements ChangeRequest {
        public String describe() { return (enabled ? "enable_trigger_" : "disable_trigger_") + name; }
        public <R> R accept(Cases<R> cases) { return cases.setTriggerEnabled(this); }
    }

    /** @param sizeLimit bytes, or null; @param mimeTypes allowed types, empty = any */
    record CreateBucket(String id, boolean isPublic, Long sizeLimit, List<String> mimeTypes) implements ChangeRequest {
        public String describe() { return "create_bucket_" + id.replaceAll("[^a-z0-9]+", "_"); }
        public <R> R accept(Cases<R> cases) { return cases.createBucket(this); }
    }

    /**
     * An existing bucket's settings ("make avatars private", "raise the avatars size limit to 20 MB",
     * "receipts should only accept PDFs"): each null is left as it is.
     * @param sizeLimit bytes; @param mimeTypes the types it takes from now on (image/* for "images")
     * @param was the bucket as storage.buckets has it now, which the down script puts back
     */
    record ChangeBucket(String id, Boolean isPublic, Long sizeLimit, List<String> mimeTypes, Catalog.Bucket was) implements ChangeRequest {
        public ChangeBucket {
            mimeTypes = mimeTypes == null ? null : List.copyOf(mimeTypes);
        }

        public String describe() { return "change_bucket_" + id.replaceAll("[^a-z0-9]+", "_"); }
        public <R> R accept(Cases<R> cases) { return cases.changeBucket(this); }
    }

    /** @param column null for a table comment; @param previous comment before the change (null = none) */
    record Comment(QualifiedName table, String column, String text, String previous) implements ChangeRequest {
        public String describe() { return "comment_on_" + table.name() + (column == null ? "" : "_" + column); }
        public <R> R accept(Cases<R> cases) { return cases.comment(this); }
    }
}
