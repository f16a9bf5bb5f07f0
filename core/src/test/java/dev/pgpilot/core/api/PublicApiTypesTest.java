package dev.pgpilot.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The front ends compile against {@code core.api} alone, so what its public types show must be
 * {@code core.api} types too: a public method or constructor that takes or returns (even inside a
 * {@code List<...>}) a type of an internal package would hand the front ends a reason to import it.
 * Compiled classes are read by reflection, so a fully qualified name in the source counts as much
 * as an import.
 */
class PublicApiTypesTest {
    private static final String CORE = "dev.pgpilot.core";

    @Test
    void publicMembersOfCoreApiNameNoInternalCoreType() throws Exception {
        List<Class<?>> classes = apiClasses();
        assertTrue(classes.size() > 50, "read the compiled classes of core.api: " + classes.size());
        Set<String> found = new TreeSet<>();
        for (Class<?> c : classes) {
            if (!visible(c)) continue;
            for (Type t : supertypes(c)) internal(t).forEach(i -> found.add(c.getName() + " extends " + i));
            for (Executable e : executables(c)) {
                String where = c.getName() + "." + (e instanceof java.lang.reflect.Constructor ? "<init>" : e.getName());
                List<Type> types = new ArrayList<>(List.of(e.getGenericParameterTypes()));
                if (e instanceof java.lang.reflect.Method m) types.add(m.getGenericReturnType());
                for (Type t : types) internal(t).forEach(i -> found.add(where + " names " + i));
            }
            for (Field f : c.getDeclaredFields()) {
                if (shown(f)) internal(f.getGenericType()).forEach(i -> found.add(c.getName() + "." + f.getName() + " is " + i));
            }
        }
        assertEquals(List.of(), List.copyOf(found), "public members of core.api that name an internal core type:");
    }

    /** Every class compiled from core.api and the packages below it. */
    private static List<Class<?>> apiClasses() throws Exception {
        Path root = Path.of(Pilot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("dev/pgpilot/core/api"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                out.add(Class.forName(name, false, Pilot.class.getClassLoader()));
            }
        }
        return out;
    }

    /** A front end can name it: public, and so is every class around it; not a lambda's or an anonymous class. */
    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass() || k.isSynthetic()) return false;
        }
        return true;
    }

    private static List<Type> supertypes(Class<?> c) {
        List<Type> out = new ArrayList<>(List.of(c.getGenericInterfaces()));
        if (c.getGenericSuperclass() != null) out.add(c.getGenericSuperclass());
        return out;
    }

    private static List<Executable> executables(Class<?> c) {
        List<Executable> out = new ArrayList<>();
        for (Executable e : c.getDeclaredConstructors()) if (shown(e)) out.add(e);
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) if (shown(m) && !m.isBridge()) out.add(m);
        return out;
    }

    private static boolean shown(Member m) {
        int mod = m.getModifiers();
        return !m.isSynthetic() && (Modifier.isPublic(mod) || Modifier.isProtected(mod));
    }

    /** The internal core types a (generic) type names. */
    private static List<String> internal(Type t) {
        List<String> out = new ArrayList<>();
        collect(t, out, new ArrayList<>());
        return out;
    }

    private static void collect(Type t, List<String> out, List<Type> seen) {
        if (seen.contains(t)) return;
        seen.add(t);
        if (t instanceof Class<?> c) {
            while (c.isArray()) c = c.getComponentType();
            String pkg = c.getPackageName();
            if (pkg.startsWith(CORE + ".") && !pkg.equals(CORE + ".api") && !pkg.startsWith(CORE + ".api.")) out.add(c.getName());
        } else if (t instanceof ParameterizedType p) {
            collect(p.getRawType(), out, seen);
            for (Type a : p.getActualTypeArguments()) collect(a, out, seen);
        } else if (t instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), out, seen);
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) collect(b, out, seen);
            for (Type b : w.getLowerBounds()) collect(b, out, seen);
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) collect(b, out, seen);
        }
    }
}
