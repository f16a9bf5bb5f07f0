package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.Plan;
import dev.pgpilot.core.api.PlannedFile;
import java.io.PrintWriter;

/** Shows planned migrations: for each file, its name, the up SQL and the down SQL. Lint findings go after them. */
final class PlanPrinter {
    private PlanPrinter() {}

    static void print(Plan plan, PrintWriter out) {
        for (int i = 0; i < plan.files().size(); i++) {
            PlannedFile f = plan.files().get(i);
            if (i > 0) out.println();
            out.println("-- " + f.fileName());
            out.print(f.migration().upSql());
            out.println();
            out.println("-- " + f.downFileName());
            out.print(f.migration().downSql());
        }
        out.flush();
    }
}
