package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StorageBuckets;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A public storage bucket that also has a broad SELECT policy on storage.objects (no condition but
 * the bucket id, or none at all). Reported where this file makes the bucket public or adds the
 * policy, once per bucket; the other half may come from an earlier migration.
 */
public final class PublicBucketAllowsListing extends BaseRule {

    public PublicBucketAllowsListing() {
        super("public-bucket-allows-listing", Severity.WARNING,
                "A public bucket already serves every object by URL without any policy. A SELECT policy on storage.objects that only checks the bucket id "
                        + "additionally lets anyone list every file name in it through the API, which exposes what the URLs were meant to hide. Warning, as in splinter.",
                "drop the SELECT policy (public URLs keep working), or restrict it, e.g. to the owner's folder: (storage.foldername(name))[1] = (select auth.uid())::text");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        SchemaModel after = file.after();
        Set<String> reported = new HashSet<>();
        for (LintedStatement s : file.statements()) {
            String n = s.norm();
            if (n.startsWith("INSERT") || n.startsWith("UPDATE")) {
                for (Map.Entry<String, Boolean> e : StorageBuckets.publicFlags(n).entrySet()) {
                    String bucket = e.getKey();
                    if (!e.getValue() || !after.publicBuckets().contains(bucket)) continue;
                    SchemaModel.Policy p = broadPolicy(after, bucket);
                    if (p != null && reported.add(bucket)) {
                        report.at(s, "bucket " + bucket + " is public and policy \"" + p.name() + "\" lets anyone list its files");
                    }
                }
            } else {
                Policies p = Policies.of(s);
                if (p == null || !p.table().equals(StorageBuckets.OBJECTS)) continue;
                String bucket = StorageBuckets.broadBucket(p.policy());
                if (bucket == null || !p.policy().equals(after.storageObjectPolicies().get(p.policy().name()))) continue;
                for (String b : new java.util.TreeSet<>(after.publicBuckets())) {
                    if ((bucket.equals(b) || bucket.equals(StorageBuckets.EVERY_BUCKET)) && reported.add(b)) {
                        report.at(s, "policy \"" + p.policy().name() + "\" lets anyone list the files of public bucket " + b);
                    }
                }
            }
        }
    }

    private static SchemaModel.Policy broadPolicy(SchemaModel model, String bucket) {
        for (SchemaModel.Policy p : model.storageObjectPolicies().values()) {
            String b = StorageBuckets.broadBucket(p);
            if (bucket.equals(b) || StorageBuckets.EVERY_BUCKET.equals(b)) return p;
        }
        return null;
    }
}
