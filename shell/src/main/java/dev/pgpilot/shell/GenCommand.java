package dev.pgpilot.shell;

import dev.pgpilot.core.PilotException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Option(names = "--schema", split = ",", paramLabel = "NAME",
            description = "schemas to generate (repeat or comma-separate); default: public and config.toml's [api] schemas, else the project's schemas and graphql_public")
    java.util.List<String> schemas;

    @Override
    public Integer call() {
        if (!what.equals("types") || !lang.equals("typescript")) {
            throw PilotException.refused("cannot generate '" + what + " " + lang + "'", "pgpilot gen types typescript > database.types.ts");
        }
        dev.pgpilot.core.api.Pilot pilot = global.project();
        spec.commandLine().getOut().print(pilot.typeScriptTypes(schemas));
        spec.commandLine().getOut().flush(); // print() does not trigger the writer's autoflush
        return 0;
    }
}
