package dev.kordon.cli;

import dev.kordon.dsl.PolicySet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code --set} filter shared by the commands. */
final class SetFilter {

    private SetFilter() {
    }

    /** The sets named in {@code names}, or all of them when none is named. */
    static List<PolicySet> select(List<PolicySet> sets, List<String> names) throws BadInputException {
        if (names.isEmpty()) {
            return sets;
        }
        Set<String> available = new LinkedHashSet<>();
        for (PolicySet set : sets) {
            available.add(set.name());
        }
        Set<String> unknown = new LinkedHashSet<>(names);
        unknown.removeAll(available);
        if (!unknown.isEmpty()) {
            List<String> quoted = new ArrayList<>();
            for (String name : unknown) {
                quoted.add("'" + name + "'");
            }
            throw new BadInputException((unknown.size() == 1 ? "no policy set named " : "no policy sets named ")
                    + String.join(", ", quoted) + "\n  fix: use one of the available names: "
                    + String.join(", ", available));
        }
        return sets.stream().filter(set -> names.contains(set.name())).toList();
    }
}
