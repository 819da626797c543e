package dev.kordon.cli;

import dev.kordon.dsl.PolicySet;

/**
 * The parent of the class loader for a user's classpath: the JDK, plus the DSL classes that the command itself uses,
 * and nothing else. Providers on the command's own class path stay invisible, and the user's classes share the DSL
 * types with the command, so {@link java.util.ServiceLoader} accepts their providers.
 */
final class DslOnlyClassLoader extends ClassLoader {

    private static final String DSL_PACKAGE = PolicySet.class.getPackageName() + ".";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader dsl;

    DslOnlyClassLoader(ClassLoader dsl) {
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
