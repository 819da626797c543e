package dev.kordon.simulator.istio;

import java.util.List;
import java.util.Objects;

/**
 * One rule of an AuthorizationPolicy: it matches when some source matches (or it has no {@code from}), some operation
 * matches (or it has no {@code to}), and every {@code when} condition holds.
 *
 * @param index      its position in {@code spec.rules}
 * @param sources    {@code from}: each source is the AND of its fields; empty = any source
 * @param operations {@code to}: each operation is the AND of its fields; empty = any operation
 * @param conditions {@code when}
 * @param invalid    why Istio skips the rule (an unknown condition key), or empty
 */
record AuthzRule(int index, List<List<Criterion>> sources, List<List<Criterion>> operations, List<Criterion> conditions,
        String invalid) {

    AuthzRule {
        sources = sources.stream().map(List::copyOf).toList();
        operations = operations.stream().map(List::copyOf).toList();
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(invalid, "invalid");
    }
}
