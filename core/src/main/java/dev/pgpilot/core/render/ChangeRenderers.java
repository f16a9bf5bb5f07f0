package dev.pgpilot.core.render;

import dev.pgpilot.core.request.ChangeRequest;
import dev.pgpilot.core.request.ChangeRequest.*;
import dev.pgpilot.core.request.QualifiedName;
import java.util.Set;

/**
 * Each kind of change to its renderer. Exhaustive: a new kind of {@link ChangeRequest} does not
 * compile until it has a method here, so it cannot reach a migration unrendered.
 */
final class ChangeRenderers implements ChangeRequest.Cases<ChangeSql> {
    private final Set<QualifiedName> newTables;

    /** @param newTables tables the request creates */
    ChangeRenderers(Set<QualifiedName> newTables) {
        this.newTables = newTables;
    }

    ChangeSql render(ChangeRequest change) {
        return change.accept(this);
    }

    private <C extends ChangeRequest> ChangeSql render(ChangeRenderer<C> renderer, C change) {
        ChangeSql sql = new ChangeSql(newTables);
        renderer.render(change, sql);
        sql.locksExistingTable = renderer.locksExistingTable(change);
        return sql;
    }

    @Override public ChangeSql addColumn(AddColumn c) { return render(new AddColumnRenderer(), c); }
    @Override public ChangeSql dropColumn(DropColumn c) { return render(new DropColumnRenderer(), c); }
    @Override public ChangeSql renameColumn(RenameColumn c) { return render(new RenameColumnRenderer(), c); }
    @Override public ChangeSql alterColumnType(AlterColumnType c) { return render(new AlterColumnTypeRenderer(), c); }
    @Override public ChangeSql setDefault(SetDefault c) { return render(new SetDefaultRenderer(), c); }
    @Override public ChangeSql dropDefault(DropDefault c) { return render(new DropDefaultRenderer(), c); }
    @Override public ChangeSql setNotNull(SetNotNull c) { return render(new SetNotNullRenderer(), c); }
    @Override public ChangeSql addCheck(AddCheck c) { return render(new AddCheckRenderer(), c); }
    @Override public ChangeSql addForeignKey(AddForeignKey c) { return render(new AddForeignKeyRenderer(), c); }
    @Override public ChangeSql changeOnDelete(ChangeOnDelete c) { return render(new ChangeOnDeleteRenderer(), c); }
    @Override public ChangeSql createTable(CreateTable c) { return render(new CreateTableRenderer(), c); }
    @Override public ChangeSql renameTable(RenameTable c) { return render(new RenameTableRenderer(), c); }
    @Override public ChangeSql dropTable(DropTable c) { return render(new DropTableRenderer(), c); }
    @Override public ChangeSql createIndex(CreateIndex c) { return render(new CreateIndexRenderer(), c); }
    @Override public ChangeSql dropIndex(DropIndex c) { return render(new DropIndexRenderer(), c); }
    @Override public ChangeSql createEnum(CreateEnum c) { return render(new CreateEnumRenderer(), c); }
    @Override public ChangeSql addEnumValue(AddEnumValue c) { return render(new AddEnumValueRenderer(), c); }
    @Override public ChangeSql renameEnumValue(RenameEnumValue c) { return render(new RenameEnumValueRenderer(), c); }
    @Override public ChangeSql renameEnum(RenameEnum c) { return render(new RenameEnumRenderer(), c); }
    @Override public ChangeSql setTriggerEnabled(SetTriggerEnabled c) { return render(new SetTriggerEnabledRenderer(), c); }
    @Override public ChangeSql enableRls(EnableRls c) { return render(new EnableRlsRenderer(), c); }
    @Override public ChangeSql createPolicy(CreatePolicy c) { return render(new CreatePolicyRenderer(), c); }
    @Override public ChangeSql createRightsCheck(CreateRightsCheck c) { return render(new CreateRightsCheckRenderer(), c); }
    @Override public ChangeSql createMembershipCheck(CreateMembershipCheck c) { return render(new CreateMembershipCheckRenderer(), c); }
    @Override public ChangeSql addUpdatedAtTrigger(AddUpdatedAtTrigger c) { return render(new AddUpdatedAtTriggerRenderer(), c); }
    @Override public ChangeSql dropTrigger(DropTrigger c) { return render(new DropTriggerRenderer(), c); }
    @Override public ChangeSql createBucket(CreateBucket c) { return render(new CreateBucketRenderer(), c); }
    @Override public ChangeSql changeBucket(ChangeBucket c) { return render(new ChangeBucketRenderer(), c); }
    @Override public ChangeSql comment(Comment c) { return render(new CommentRenderer(), c); }
}
