package dev.kordon.build;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicyClassLoader;
import dev.kordon.dsl.spi.PolicySetProvider;
import dev.kordon.dsl.spi.PolicySets;
import dev.kordon.generators.Target;
import dev.kordon.generators.Targets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.TreeSet;

/** The policy sets a project declares, loaded from its compiled classes and their class path. */
final class ProjectPolicies {

    private ProjectPolicies() {
    }

    /** The service file that registers providers. */
    static final String SERVICE_FILE = "META-INF/services/" + PolicySetProvider.class.getName();

    /**
     * Every policy set of the providers on the class path (the first entry is the project's classes), filtered by
     * name when {@code names} is not empty, sorted by name.
     *
     * @throws BuildException when the classes are missing, no provider is registered, or a named set does not exist
     * @throws dev.kordon.dsl.InvalidPolicySetException when a policy set has problems
     */
    static List<PolicySet> load(List<Path> classpath, List<String> names) {
        if (classpath.isEmpty() || !Files.isDirectory(classpath.get(0))) {
            throw new BuildException("no compiled classes at " + (classpath.isEmpty() ? "(none)" : classpath.get(0)),
                    "compile the project first: run the goal in or after the process-classes phase");
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            if (Files.exists(entry)) {
                try {
                    urls.add(entry.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new BuildException("not a class path entry: " + entry, "check the project's dependencies");
                }
            }
        }
        try (URLClassLoader loader = PolicyClassLoader.of(urls)) {
            if (loader.findResource(SERVICE_FILE) == null) {
                throw new BuildException("no policy set provider registered in " + classpath.get(0), "implement "
                        + PolicySetProvider.class.getName() + " with a public no-argument constructor and list its"
                        + " class name in src/main/resources/" + SERVICE_FILE);
            }
            List<PolicySet> sets;
            try {
                sets = PolicySets.load(loader);
            } catch (PolicySets.PolicySetLoadingException e) {
                throw new BuildException(e.getMessage(), "correct each provider named above");
            } catch (ServiceConfigurationError e) {
                throw new BuildException("cannot load policy sets: " + e.getMessage(), "check the class names in "
                        + SERVICE_FILE + " and that every class they need is on the class path");
            }
            return select(sets, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PolicySet> select(List<PolicySet> sets, List<String> names) {
        if (names.isEmpty()) {
            return sets;
        }
        Set<String> known = new TreeSet<>();
        sets.forEach(set -> known.add(set.name()));
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).map(n -> "'" + n + "'").toList();
        if (!unknown.isEmpty()) {
            throw new BuildException("unknown policy set" + (unknown.size() == 1 ? " " : "s ") + String.join(", ",
                    unknown), "use policy sets among " + String.join(", ", known));
        }
        return sets.stream().filter(set -> names.contains(set.name())).toList();
    }

    /** The targets by id (all when none is given); unknown ids are an error naming every known one. */
    static List<Target> targets(List<String> ids) {
        List<String> chosen = ids.isEmpty() ? Targets.ids() : ids;
        List<String> unknown = chosen.stream().filter(id -> !Targets.ids().contains(id)).map(id -> "'" + id + "'")
                .toList();
        if (!unknown.isEmpty()) {
            throw new BuildException("unknown target" + (unknown.size() == 1 ? " " : "s ") + String.join(", ",
                    unknown), "use targets among " + String.join(", ", Targets.ids()));
        }
        return chosen.stream().distinct().map(Targets::parse).toList();
    }
}
