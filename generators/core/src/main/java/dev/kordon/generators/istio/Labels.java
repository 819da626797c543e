package dev.kordon.generators.istio;

import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import java.util.List;

/** Whether two label selectors may select the same object: "may" unless one key provably rules it out. */
final class Labels {

    private Labels() {
    }

    static boolean mayIntersect(LabelSelector a, LabelSelector b) {
        for (LabelRequirement x : a.requirements()) {
            for (LabelRequirement y : b.requirements()) {
                if (x.key().equals(y.key()) && (excludes(x, y) || excludes(y, x))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether no value of the key (nor its absence) satisfies both requirements, looked at from {@code x}'s side. */
    private static boolean excludes(LabelRequirement x, LabelRequirement y) {
        return switch (x.operator()) {
            case IN -> switch (y.operator()) {
                case IN -> disjoint(x.values(), y.values());
                case NOT_IN -> y.values().containsAll(x.values());
                case DOES_NOT_EXIST -> true;
                case EXISTS -> false;
            };
            case EXISTS -> y.operator() == LabelRequirement.Operator.DOES_NOT_EXIST;
            case NOT_IN, DOES_NOT_EXIST -> false;
        };
    }

    private static boolean disjoint(List<String> a, List<String> b) {
        return a.stream().noneMatch(b::contains);
    }
}
