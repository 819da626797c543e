package dev.kordon.simulator.cilium;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A Cilium endpoint selector after Cilium's own rewriting (namespace injection): every requirement must hold; none
 * selects every identity, the world included.
 */
record EndpointSelector(List<Requirement> requirements) {

    /** The selector that selects every identity (Cilium's wildcard endpoint selector). */
    static final EndpointSelector ALL = new EndpointSelector(List.of());

    EndpointSelector {
        requirements = List.copyOf(requirements);
    }

    /** Whether the identity satisfies every requirement. */
    boolean matches(Identity identity) {
        return requirements.stream().allMatch(requirement -> requirement.matches(identity));
    }

    /** Every requirement the identity does not satisfy, explained. */
    List<String> mismatches(Identity identity) {
        List<String> misses = new ArrayList<>();
        requirements.forEach(requirement -> requirement.mismatch(identity).ifPresent(misses::add));
        return misses;
    }

    /** Whether some requirement is on this key of this source (or on it for any source). */
    boolean hasKey(String key) {
        return requirements.stream().anyMatch(r -> r.key().equals(key) && !r.source().equals("reserved"));
    }

    /** Whether some requirement is on a key starting with the prefix (sources k8s or any). */
    boolean hasKeyPrefix(String prefix) {
        return requirements.stream().anyMatch(r -> r.key().startsWith(prefix) && !r.source().equals("reserved"));
    }

    /** Whether some requirement is on a reserved label. */
    boolean hasReservedKey() {
        return requirements.stream().anyMatch(r -> r.source().equals("reserved"));
    }

    /** This selector with one more requirement. */
    EndpointSelector and(Requirement requirement) {
        List<Requirement> all = new ArrayList<>(requirements);
        all.add(requirement);
        return new EndpointSelector(all);
    }

    /** This selector without the requirements the filter rejects. */
    EndpointSelector without(Predicate<Requirement> drop) {
        return new EndpointSelector(requirements.stream().filter(drop.negate()).toList());
    }

    @Override
    public String toString() {
        return requirements.isEmpty() ? "{} (every identity)"
                : requirements.stream().map(Requirement::toString).collect(Collectors.joining(", ", "{", "}"));
    }
}
