package dev.kordon.simulator.istio;

import java.util.List;
import java.util.Objects;

/**
 * How one rule fared against a request: whether it matches, or why Istio skipped it, and which of its criteria
 * matched, failed or depended on an unknown fact (for explanations and the nearest miss).
 *
 * @param rule       the rule
 * @param match      whether it matches (NO when skipped)
 * @param skipReason why it was skipped, or empty
 * @param matched    the criteria that matched, described
 * @param failed     the criteria that did not, with the request's side
 * @param unknown    the criteria that depend on a fact the probe does not give
 * @param dropped    the HTTP-only criteria dropped on a TCP connection (DENY, AUDIT, CUSTOM)
 */
record RuleResult(AuthzRule rule, Tri match, String skipReason, List<String> matched, List<String> failed,
        List<String> unknown, List<String> dropped) {

    RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(skipReason, "skipReason");
        matched = List.copyOf(matched);
        failed = List.copyOf(failed);
        unknown = List.copyOf(unknown);
        dropped = List.copyOf(dropped);
    }

    static RuleResult skipped(AuthzRule rule, String reason) {
        return new RuleResult(rule, Tri.NO, reason, List.of(), List.of(), List.of(), List.of());
    }

    boolean skipped() {
        return !skipReason.isEmpty();
    }

    /** What matched and what did not, e.g. {@code ports [80] matches port 80; but paths [/a] vs path /b}. */
    String explain() {
        if (skipped()) {
            return "skipped: " + skipReason;
        }
        if (matched.isEmpty() && failed.isEmpty() && unknown.isEmpty()) {
            return dropped.isEmpty() ? "it has no criteria, so it matches every request"
                    : "on this TCP connection Istio drops its HTTP-only " + String.join(", ", dropped)
                            + ", which leaves no criteria, so it matches every connection";
        }
        StringBuilder text = new StringBuilder(String.join("; ", matched));
        if (!failed.isEmpty()) {
            text.append(text.length() == 0 ? "" : "; but ").append(String.join("; ", failed));
        }
        if (!unknown.isEmpty()) {
            text.append(text.length() == 0 ? "" : "; ").append(String.join("; ", unknown));
        }
        if (!dropped.isEmpty()) {
            text.append(" (on this TCP connection Istio drops the HTTP-only ").append(String.join(", ", dropped))
                    .append(')');
        }
        return text.toString();
    }
}
