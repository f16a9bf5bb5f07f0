import dev.pgpilot.core.sql.SqlScript;
import java.util.function.IntFunction;

/**
 * Splitter scaling: time SqlScript.parse on inputs of 1, 2, 4 and 8 MB of several shapes. Linear
 * means the ns/char column stays flat as the size doubles. Run through bench/split-bench.sh.
 */
public class SplitBench {
    public static void main(String[] args) {
        String mixedUnit = "-- a comment; here\ncreate table t (s text default 'it''s; ok', e text default E'\\';');\n"
                + "create function f() returns int language plpgsql as $fn$ begin return 1; end $fn$;\n"
                + "create function g() returns int language sql begin atomic select case when true then 1 end; end;\n"
                + "/* nested /* comment; */ */ select \"a;\"\"b\", a$b, $1 from x;\n";
        bench("mixed statements", n -> repeat(mixedUnit, n));
        bench("one line, many statements", n -> repeat("select 1; ", n));
        bench("dollars that open nothing", n -> repeat("a $b $1 $", n));
        bench("one huge literal", n -> "select '" + repeat("x;''", n) + "'");
    }

    private static String repeat(String unit, int chars) {
        return unit.repeat(Math.max(1, chars / unit.length()));
    }

    private static void bench(String name, IntFunction<String> make) {
        for (int warm = 0; warm < 3; warm++) SqlScript.parse(make.apply(1 << 20));
        System.out.printf("%-28s", name);
        for (int mb = 1; mb <= 8; mb *= 2) {
            String text = make.apply(mb << 20);
            long best = Long.MAX_VALUE;
            int statements = 0;
            for (int run = 0; run < 5; run++) {
                long t = System.nanoTime();
                statements = SqlScript.parse(text).statements().size();
                best = Math.min(best, System.nanoTime() - t);
            }
            System.out.printf("  %dMB %4d ms (%.1f ns/char, %d stmts)", mb, best / 1_000_000, (double) best / text.length(), statements);
        }
        System.out.println();
    }
}
