package dev.pgpilot.core.types;

import dev.pgpilot.core.catalog.TypeCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Which functions of a schema PostgREST can call, and so which get a signature in the generated types. */
final class Callables {
    /** Types PostgREST accepts as the one unnamed argument of a function called with the request body. */
    private static final Set<String> BODY_ARG_TYPES = Set.of("json", "jsonb", "text");

    private Callables() {}

    /** A function PostgREST can call, with its input arguments in name order. */
    record Callable(TypeCatalog.Function fn, List<TypeCatalog.Arg> inArgs) {}

    /**
     * The functions PostgREST exposes: no inputs, all inputs named, or unnamed ones it can fill
     * (one json/jsonb/text body, defaults it can leave out, or one table row: a computed field).
     */
    static List<Callable> of(TypeCatalog.SchemaTypes s) {
        List<Callable> out = new ArrayList<>();
        for (List<TypeCatalog.Function> fs : s.functions().values()) {
            for (TypeCatalog.Function f : fs) {
                List<TypeCatalog.Arg> in = f.args().stream().sorted(Comparator.comparing(TypeCatalog.Arg::name)).toList();
                boolean allNamed = in.stream().noneMatch(a -> a.name().isEmpty());
                boolean unnamedFillable = in.stream().allMatch(a -> !a.name().isEmpty() || a.hasDefault() && isBodyType(a.type()));
                boolean oneUnnamed = in.size() == 1 && in.get(0).name().isEmpty() && (isBodyType(in.get(0).type()) || isRow(in.get(0).type()));
                if (in.isEmpty() || allNamed || unnamedFillable || oneUnnamed) {
                    out.add(new Callable(f, in));
                }
            }
        }
        return out;
    }

    /**
     * Why PostgREST cannot call {@code c} (null when it can): another overload takes the same argument
     * names, and PostgREST picks an overload by the names a call passes, never by their types, so every
     * call of either fails (PGRST203).
     */
    static String ambiguity(String schema, Callable c, List<Callable> overloads) {
        List<Callable> same = overloads.stream().filter(o -> argNames(o).equals(argNames(c))).toList();
        if (same.size() < 2) return null;
        return "PostgREST cannot choose between " + same.stream().map(o -> schema + "." + o.fn().name() + "(" + o.fn().identityArgs() + ")")
                .collect(java.util.stream.Collectors.joining(" and ")) + ": they take the same argument names; rename a parameter or one of the functions";
    }

    private static Set<String> argNames(Callable c) {
        return c.inArgs().stream().map(TypeCatalog.Arg::name).collect(java.util.stream.Collectors.toSet());
    }

    private static boolean isBodyType(TypeCatalog.PgType t) {
        return !t.array() && "pg_catalog".equals(t.schema()) && BODY_ARG_TYPES.contains(t.name());
    }

    static boolean isRow(TypeCatalog.PgType t) {
        return !t.array() && (t.kind() == 'T' || t.kind() == 'V');
    }
}
