package dev.kordon.dsl;

import java.util.List;

/** Every problem found in a policy set, in a stable order (by path, then message). */
public record ValidationResult(String policySet, List<Problem> problems) {

    public ValidationResult {
        problems = problems.stream()
                .sorted(java.util.Comparator.comparing(Problem::path).thenComparing(Problem::message))
                .distinct()
                .toList();
    }

    /** Whether no problem was found. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Throws {@link InvalidPolicySetException} listing every problem, unless there is none. */
    public void throwIfInvalid() {
        if (!isValid()) {
            throw new InvalidPolicySetException(this);
        }
    }

    /** A report: a headline, then each problem with its fix. */
    @Override
    public String toString() {
        if (isValid()) {
            return "policy set '" + policySet + "' is valid";
        }
        StringBuilder text = new StringBuilder("policy set '").append(policySet).append("' has ")
                .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (Problem problem : problems) {
            text.append("\n- ").append(problem.toString().replace("\n", "\n  "));
        }
        return text.toString();
    }
}
