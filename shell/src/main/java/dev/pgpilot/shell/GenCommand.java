package dev.pgpilot.shell;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.types.TypeCatalog;
import dev.pgpilot.core.types.TypeScriptTypes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "gen", description = "Generate code from the database schema: gen types typescript")
final class GenCommand implements Callable<Integer>, TextOnly {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "types")
    String what;

    @Parameters(index = "1", paramLabel = "LANG", description = "typescript")
    String lang;

    @Override
    public Integer call() {
        if (!what.equals("types") || !lang.equals("typescript")) {
            throw PilotException.refused("cannot generate '" + what + " " + lang + "'", "pgpilot gen types typescript > database.types.ts");
        }
        dev.pgpilot.core.api.Pilot pilot = global.project();
        TypeCatalog catalog = TypeCatalog.read(pilot.target().target()).exposed(pilot.workspace().supabaseConfig());
        spec.commandLine().getOut().print(TypeScriptTypes.render(catalog));
        spec.commandLine().getOut().flush(); // print() does not trigger the writer's autoflush
        return 0;
    }
}
