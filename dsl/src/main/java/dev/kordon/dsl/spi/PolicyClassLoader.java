package dev.kordon.dsl.spi;

import dev.kordon.dsl.PolicySet;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * A class loader for a user's compiled policy sets, for tools (the command line, the Maven plugin) that load them
 * from a classpath of their own: it sees the JDK, the given entries, and the DSL types of the tool itself — nothing
 * else of the tool. The user's providers therefore share the DSL types with the tool, so {@link PolicySets#load}
 * accepts them, and providers on the tool's own class path stay invisible.
 *
 * <pre>{@code
 * try (URLClassLoader loader = PolicyClassLoader.of(List.of(Path.of("target/classes").toUri().toURL()))) {
 *     List<PolicySet> sets = PolicySets.load(loader);
 * }
 * }</pre>
 */
public final class PolicyClassLoader {

    private PolicyClassLoader() {
    }

    /** A loader over these entries (directories of classes or jars), to be closed when the sets are no longer used. */
    public static URLClassLoader of(List<URL> entries) {
        return new URLClassLoader("kordon-policies", entries.toArray(URL[]::new),
                new DslOnly(PolicySet.class.getClassLoader()));
    }

    /** The JDK, plus the DSL classes of the loader that loaded the DSL, and nothing else. */
    private static final class DslOnly extends ClassLoader {

        private static final String DSL_PACKAGE = PolicySet.class.getPackageName() + ".";

        static {
            registerAsParallelCapable();
        }

        private final ClassLoader dsl;

        DslOnly(ClassLoader dsl) {
            super("kordon-dsl", ClassLoader.getPlatformClassLoader());
            this.dsl = dsl;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith(DSL_PACKAGE)) {
                return dsl.loadClass(name);
            }
            throw new ClassNotFoundException(name);
        }
    }
}
