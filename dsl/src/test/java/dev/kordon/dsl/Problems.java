package dev.kordon.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Shared helpers for the validation tests: validate a set without building it, and check one problem exactly. */
final class Problems {

    private Problems() {
    }

    /** Every problem of the set, in the stable order of {@link ValidationResult}. */
    static List<Problem> of(PolicySet.Builder set) {
        return set.buildUnvalidated().validate().problems();
    }

    /** The one problem of the set; fails unless there is exactly one. */
    static Problem only(PolicySet.Builder set) {
        List<Problem> problems = of(set);
        assertThat(problems).as("problems of the policy set").hasSize(1);
        return problems.get(0);
    }

    /** Checks path, message and hint, each exactly. */
    static void assertProblem(Problem actual, String path, String message, String hint) {
        assertThat(actual.path()).as("path of %s", actual).isEqualTo(path);
        assertThat(actual.message()).as("message of %s", actual).isEqualTo(message);
        assertThat(actual.hint()).as("hint of %s", actual).isEqualTo(hint);
    }

    /** Checks that the problem points at exactly one line of the given test class's source file. */
    static void assertDeclaredIn(Problem actual, Class<?> testClass) {
        String file = testClass.getSimpleName() + ".java:";
        assertThat(actual.declaredAt()).as("declaredAt of %s", actual).singleElement()
                .asString().startsWith(file).matches(Pattern.quote(file) + "[1-9][0-9]*");
    }

    /** An application-tier allow built from the record, for shapes the DSL cannot express. */
    static Connection connection(String name, Action action, List<Peer> sources, List<Peer> destinations,
            List<PortMatch> ports, Set<Direction> enforcedAt) {
        return new Connection(name, Tier.APPLICATION, 0, action, sources, destinations, ports, List.of(), List.of(),
                enforcedAt, Origin.unknown());
    }
}
