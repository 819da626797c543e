package dev.kordon.dsl.spi;

import dev.kordon.dsl.InvalidPolicySetException;
import dev.kordon.dsl.PolicySet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds every policy set that the {@link PolicySetProvider}s of a class loader declare. */
public final class PolicySets {

    private PolicySets() {
    }

    /**
     * Loads every provider visible to {@code classLoader} and returns their policy sets sorted by name.
     *
     * @throws PolicySetLoadingException naming each provider that could not be instantiated or that failed, and
     *                                   each policy set name declared more than once
     * @throws InvalidPolicySetException when a provider builds a policy set with problems (its message lists them)
     */
    public static List<PolicySet> load(ClassLoader classLoader) {
        Objects.requireNonNull(classLoader, "classLoader");
        List<String> errors = new ArrayList<>();
        Map<String, List<String>> declaredBy = new TreeMap<>();
        List<PolicySet> sets = new ArrayList<>();
        Iterator<PolicySetProvider> providers = ServiceLoader.load(PolicySetProvider.class, classLoader).iterator();
        while (true) {
            PolicySetProvider instance;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                instance = providers.next();
            } catch (ServiceConfigurationError e) {
                // ServiceLoader goes on to the next provider after reporting this one.
                errors.add(describe(e));
                continue;
            }
            String providerName = instance.getClass().getName();
            List<PolicySet> provided;
            try {
                provided = instance.policySets();
            } catch (InvalidPolicySetException e) {
                throw e;
            } catch (RuntimeException | LinkageError e) {
                errors.add(providerName + ".policySets() failed: " + e + "; fix the provider, or the classpath it runs"
                        + " on");
                continue;
            }
            if (provided == null) {
                errors.add(providerName + ": policySets() returned null; return a list (List.of() for none)");
                continue;
            }
            for (PolicySet set : provided) {
                Objects.requireNonNull(set, () -> providerName + ".policySets() contains null");
                sets.add(set);
                declaredBy.computeIfAbsent(set.name(), name -> new ArrayList<>()).add(providerName);
            }
        }
        declaredBy.forEach((name, owners) -> {
            if (owners.size() > 1) {
                errors.add("policy set '" + name + "' is declared " + owners.size() + " times, by "
                        + String.join(", ", owners) + "; give each policy set a distinct name");
            }
        });
        if (!errors.isEmpty()) {
            throw new PolicySetLoadingException(errors);
        }
        for (PolicySet set : sets) {
            set.validate().throwIfInvalid();
        }
        sets.sort(Comparator.comparing(PolicySet::name));
        return List.copyOf(sets);
    }

    /** What went wrong instantiating a provider, with the cause and the fix. */
    private static String describe(ServiceConfigurationError error) {
        String prefix = PolicySetProvider.class.getName() + ": ";
        String message = String.valueOf(error.getMessage());
        message = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == error || cause instanceof NoSuchMethodException || cause instanceof IllegalAccessException) {
            return message + "; a provider must be a public class with a public no-argument constructor";
        }
        return message + ": " + cause + "; fix what its constructor needs, or what it throws";
    }

    /** Problems found while loading providers; {@link #errors()} holds one line per problem. */
    public static final class PolicySetLoadingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final List<String> errors;

        PolicySetLoadingException(List<String> errors) {
            super("cannot load policy sets:\n- " + String.join("\n- ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

}
