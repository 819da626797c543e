package dev.kordon.dsl;

import java.util.List;

/** Thrown when a policy set is built or used with problems; its message lists every one of them. */
public final class InvalidPolicySetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationResult result;

    public InvalidPolicySetException(ValidationResult result) {
        super(result.toString());
        this.result = result;
    }

    /** Every problem, each with its path, message and hint. */
    public List<Problem> problems() {
        return result.problems();
    }

    /** The whole validation result. */
    public ValidationResult result() {
        return result;
    }
}
