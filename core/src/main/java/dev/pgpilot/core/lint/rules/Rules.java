package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.Rule;
import dev.pgpilot.core.lint.rules.*;
import java.util.List;

/** Every rule pgpilot knows, in report order: safety, destructive, Supabase security, idempotency, conventions. */
public final class Rules {
    private Rules() {}

    private static final List<Rule> ALL = List.of(
            // the file cannot run at all
            new UnterminatedQuote(),
            // safety / locking
            new RequireConcurrentIndexCreation(), new RequireConcurrentIndexDeletion(),
            new BanConcurrentIndexCreationInTransaction(), new TransactionNesting(), new OwnTransactionControl(), new RedundantTransactionControl(), new AddingRequiredField(),
            new AddingFieldWithDefault(), new ChangingColumnType(), new ConstraintMissingNotValid(),
            new AddingNotNullableField(), new DisallowedUniqueConstraint(), new RenamingColumn(), new RenamingTable(),
            new PreferRepack(), new EnumValueUsedInSameTransaction(), new IdentifierTooLong(), new RequireLockTimeout(),
            new PreferTextField(), new BanCharField(),
            // destructive
            new BanDropTable(), new BanDropColumn(), new BanDropDatabase(), new BanDropSchema(), new BanTruncate(),
            new BanDropCascade(), new BanDeleteWithoutWhere(), new BanUpdateWithoutWhere(), new BanDropNotNull(),
            new PolicyDroppedWithoutReplacement(),
            // Supabase security
            new RlsDisabledInPublic(), new RlsEnabledNoPolicy(), new PolicyExistsRlsDisabled(), new BanDisableRls(),
            new FunctionSearchPathMutable(), new AnonSecurityDefinerFunctionExecutable(), new AuthRlsInitplan(),
            new MultiplePermissivePolicies(), new RlsPolicyAlwaysTrue(), new RlsReferencesUserMetadata(),
            new GrantToAnon(), new SecurityDefinerView(), new AuthUsersExposed(), new ExtensionInPublic(), new PublicBucketAllowsListing(),
            // idempotency
            new PreferRobustStmts(), new PolicyWithoutDropIfExists(), new UnguardedCreateType(), new PreferCreateOrReplace(),
            // conventions
            new MigrationFileName(), new BannedNameSuffix(), new RequireHeaderComment(), new RequirePrimaryKey(),
            new RequireTimestamps(), new UpdatedAtTrigger(), new ForeignKeyOnDelete(), new UnindexedForeignKeys(), new DuplicateIndex(), new CreateExistingObject(),
            new RequireTableComment(),
            // schema manifest (opt-in: supabase/schema-manifest.json)
            new ManifestUnknownObject(), new ManifestDeprecatedObject());

    public static List<Rule> all() {
        return ALL;
    }

    public static Rule byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }
}
