package dev.kordon.dsl;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a policy set: where it is, what is wrong, and how to fix it.
 *
 * @param path       where in the policy set, e.g. {@code policySets[shop].intents[allow-frontend-to-backend].ports[0]}
 * @param message    what is wrong, quoting the offending value
 * @param hint       what to do about it
 * @param declaredAt the Java source locations of the intents involved ({@code ShopPolicies.java:42}), when known
 */
public record Problem(String path, String message, String hint, List<String> declaredAt) {

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        declaredAt = List.copyOf(declaredAt);
    }

    /** {@code path: message (declared at …)} on one line and {@code   fix: hint} on the next. */
    @Override
    public String toString() {
        String where = declaredAt.isEmpty() ? "" : " (declared at " + String.join(", ", declaredAt) + ")";
        return path + ": " + message + where + "\n  fix: " + hint;
    }
}
