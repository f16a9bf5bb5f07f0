import org.flywaydb.core.Flyway;

/** Applies a folder of Flyway-named migrations: args = jdbcUrl user folder. */
public class FlywayRunner {
    public static void main(String[] args) {
        Flyway f = Flyway.configure().dataSource(args[0], args[1], "").locations("filesystem:" + args[2]).load();
        System.out.println("flyway applied " + f.migrate().migrationsExecuted);
    }
}
