package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaManifest;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.Locale;
import java.util.regex.Pattern;

/** A statement that uses an object the manifest marks deprecated (dropping it is allowed: that is the fix). */
public final class ManifestDeprecatedObject extends BaseRule {
    public ManifestDeprecatedObject() {
        super("manifest-deprecated-object", Severity.WARNING,
                "Objects listed under deprecated in supabase/schema-manifest.json are on their way out; new code that uses them extends their life. "
                        + "Warning: old objects still work.",
                "use the replacement named in the manifest, or drop the deprecated object");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        SchemaManifest m = file.manifest();
        if (m == null || m.deprecated().isEmpty()) return;
        for (LintedStatement s : file.statements()) {
            if (s.startsWith("DROP") || s.startsWith("COMMENT")) continue;
            String lower = s.norm().toLowerCase(Locale.ROOT);
            for (String d : m.deprecated()) {
                String bare = d.substring(d.indexOf('.') + 1);
                String name = d.startsWith("public.") ? "(?:public\\.)?" + Pattern.quote(bare) : Pattern.quote(d);
                if (Pattern.compile("(?<![\\w.\"])" + name + "(?![\\w\"])").matcher(lower).find()) {
                    report.at(s, d + " is deprecated in the schema manifest");
                    break;
                }
            }
        }
    }
}
