package dev.kordon.generators;

import java.util.Locale;

/** How faithfully a target enforces an aspect of an intent. Ordered from best to worst. */
public enum Fidelity {
    /** Exactly the flows the intent describes. */
    EXACT,
    /** Fewer flows than the intent describes: some intended access is missing. */
    NARROWED,
    /** More flows than the intent describes: some unintended access is allowed. */
    WIDENED,
    /** The target cannot express it at all. */
    UNSUPPORTED;

    /** The worse of the two. */
    public Fidelity worst(Fidelity other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
