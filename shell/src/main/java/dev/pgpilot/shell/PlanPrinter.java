package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import java.io.PrintWriter;

/** Shows a planned migration: the file name, the up SQL and the down SQL. Lint findings go after it. */
final class PlanPrinter {
    private PlanPrinter() {}

    static void print(Pilot.Plan plan, PrintWriter out) {
        out.println("-- " + plan.fileName());
        out.print(plan.migration().upSql());
        out.println();
        out.println("-- " + plan.downFileName());
        out.print(plan.migration().downSql());
        out.flush();
    }
}
