package dev.kordon.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Default deny for some pods in some directions: whatever no allow admits is denied.
 *
 * <p>{@code isolate(namespace("payments")).ingressAndEgress()}, {@code isolate(BACKEND).ingress()},
 * {@code isolate(allPods()).egress()}.
 *
 * @param name       DNS-1123 name; empty until the policy set derives one
 * @param subjects   the pods that become isolated (canonical order, no duplicates)
 * @param directions the directions in which they are isolated
 * @param origin     where it was declared (not part of its value)
 */
public record Isolation(String name, List<Peer> subjects, Set<Direction> directions, Origin origin)
        implements Intent {

    public Isolation {
        Objects.requireNonNull(name, "name");
        subjects = Canonical.sortedSet(subjects, "subjects");
        directions = Connection.directions(directions);
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public Isolation named(String newName) {
        return new Isolation(newName, subjects, directions, origin);
    }

    @Override
    public String baseName() {
        List<String> names = new ArrayList<>();
        for (Peer subject : subjects) {
            names.add(subject.shortName());
        }
        List<String> directionNames = new ArrayList<>();
        for (Direction direction : directions) {
            directionNames.add(direction.toString());
        }
        return "isolate-" + String.join("-", names) + "-" + String.join("-", directionNames);
    }

    @Override
    public String meaning() {
        return "isolate " + Canonical.join(subjects, ", ") + " for " + Canonical.join(directions, "+");
    }

    @Override
    public String toString() {
        return (name.isEmpty() ? "<unnamed>" : name) + ": " + meaning();
    }
}
