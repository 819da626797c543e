package dev.kordon.cli;

import dev.kordon.dsl.InvalidPolicySetException;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicyClassLoader;
import dev.kordon.dsl.spi.PolicySetProvider;
import dev.kordon.dsl.spi.PolicySets;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.ServiceConfigurationError;

/**
 * Where the command loads policy sets from: the user's classpath in a class loader of its own, or, when none is given,
 * the command's own class path. Close it when the policy sets are no longer used.
 */
final class PolicySource implements AutoCloseable {

    /** The service file that registers providers for {@link java.util.ServiceLoader}. */
    static final String SERVICE_FILE = "META-INF/services/" + PolicySetProvider.class.getName();

    private final ClassLoader classLoader;
    /** The class loader this source created and closes; null when it uses the command's own. */
    private final URLClassLoader owned;
    private final String description;

    private PolicySource(ClassLoader classLoader, URLClassLoader owned, String description) {
        this.classLoader = classLoader;
        this.owned = owned;
        this.description = description;
    }

    /** The source for the {@code --classpath} values, or the command's own class path when there are none. */
    static PolicySource of(List<String> classpath) throws BadInputException {
        if (classpath.isEmpty()) {
            return new PolicySource(PolicySource.class.getClassLoader(), null, "the class path of the kordon command");
        }
        List<URL> urls = ClasspathEntries.resolve(classpath);
        URLClassLoader loader = PolicyClassLoader.of(urls);
        return new PolicySource(loader, loader, "the classpath " + String.join(File.pathSeparator, classpath));
    }

    /**
     * Every policy set of every provider, validated and sorted by name.
     *
     * @throws BadInputException        when no provider is registered, a provider cannot be loaded, or no set is declared
     * @throws InvalidPolicySetException when a policy set has problems
     */
    List<PolicySet> load() throws BadInputException {
        if (classLoader.getResource(SERVICE_FILE) == null) {
            throw new BadInputException("no policy set provider found on " + description + "\n  fix: "
                    + (owned == null ? "name the directory or .jar with your providers: --classpath target/classes;"
                            + " to write one, " : "")
                    + "implement " + PolicySetProvider.class.getName() + " with a public no-argument constructor and"
                    + " list its class name in " + SERVICE_FILE + " (in a Maven project: src/main/resources/"
                    + SERVICE_FILE + ")");
        }
        List<PolicySet> sets;
        try {
            sets = PolicySets.load(classLoader);
        } catch (PolicySets.PolicySetLoadingException e) {
            throw new BadInputException(e.getMessage());
        } catch (InvalidPolicySetException e) {
            throw e;
        } catch (ServiceConfigurationError e) {
            throw new BadInputException("cannot load policy sets:\n- " + e.getMessage() + "\n  fix: check the class"
                    + " names in " + SERVICE_FILE + " and that every class they need is on the classpath");
        } catch (RuntimeException | LinkageError e) {
            throw new BadInputException("cannot load policy sets: a provider failed with " + e + at(e)
                    + "\n  fix: make policySets() return its policy sets without throwing, and put every class it"
                    + " needs on the classpath");
        }
        if (sets.isEmpty()) {
            throw new BadInputException("the policy set providers on " + description + " declare no policy set"
                    + "\n  fix: return the policy sets from policySets()");
        }
        return sets;
    }

    private static String at(Throwable error) {
        StackTraceElement[] trace = error.getStackTrace();
        return trace.length == 0 ? "" : " at " + trace[0];
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
