package dev.kordon.dsl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Whether label selectors can match anything at all, and whether two of them can match the same object. */
final class Selectors {

    private Selectors() {
    }

    /** The requirements on one key that no label value can satisfy together, if any. */
    static Optional<List<LabelRequirement>> contradiction(LabelSelector selector) {
        TreeMap<String, List<LabelRequirement>> byKey = new TreeMap<>();
        for (LabelRequirement requirement : selector.requirements()) {
            byKey.computeIfAbsent(requirement.key(), key -> new ArrayList<>()).add(requirement);
        }
        for (List<LabelRequirement> requirements : byKey.values()) {
            if (requirements.size() < 2) {
                continue;
            }
            for (int i = 0; i < requirements.size(); i++) {
                for (int j = i + 1; j < requirements.size(); j++) {
                    if (!satisfiable(List.of(requirements.get(i), requirements.get(j)))) {
                        return Optional.of(List.of(requirements.get(i), requirements.get(j)));
                    }
                }
            }
            if (!satisfiable(requirements)) {
                return Optional.of(List.copyOf(requirements));
            }
        }
        return Optional.empty();
    }

    /** Whether some object can satisfy both selectors at once. */
    static boolean mayIntersect(LabelSelector a, LabelSelector b) {
        return contradiction(a.and(b)).isEmpty();
    }

    /** Whether one value (or absence) of the single key satisfies every requirement. */
    private static boolean satisfiable(List<LabelRequirement> sameKey) {
        boolean mustExist = false;
        boolean mustBeAbsent = false;
        Set<String> allowed = null;
        Set<String> forbidden = new HashSet<>();
        for (LabelRequirement requirement : sameKey) {
            switch (requirement.operator()) {
                case IN -> {
                    mustExist = true;
                    Set<String> values = new HashSet<>(requirement.values());
                    if (allowed == null) {
                        allowed = values;
                    } else {
                        allowed.retainAll(values);
                    }
                }
                case NOT_IN -> forbidden.addAll(requirement.values());
                case EXISTS -> mustExist = true;
                case DOES_NOT_EXIST -> mustBeAbsent = true;
            }
        }
        if (mustBeAbsent) {
            return !mustExist;
        }
        if (allowed == null) {
            return true;
        }
        allowed.removeAll(forbidden);
        return !allowed.isEmpty();
    }
}
