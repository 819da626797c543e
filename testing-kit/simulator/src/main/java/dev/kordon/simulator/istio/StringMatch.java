package dev.kordon.simulator.istio;

import java.util.Locale;
import java.util.Objects;

/**
 * One of Istio's four string forms: exact {@code abc}, prefix {@code abc*}, suffix {@code *abc}, and presence
 * {@code *} (any non-empty value). There is no infix wildcard.
 *
 * @param kind    the form
 * @param operand the text without its {@code *}
 */
record StringMatch(Kind kind, String operand) {

    /** The form of a value. */
    enum Kind {
        EXACT,
        PREFIX,
        SUFFIX,
        PRESENCE
    }

    StringMatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operand, "operand");
    }

    /** The form of a policy value, as Istio reads it: {@code *} first, then a leading, then a trailing star. */
    static StringMatch parse(String value) {
        if (value.equals("*")) {
            return new StringMatch(Kind.PRESENCE, "");
        }
        if (value.startsWith("*")) {
            return new StringMatch(Kind.SUFFIX, value.substring(1));
        }
        if (value.endsWith("*")) {
            return new StringMatch(Kind.PREFIX, value.substring(0, value.length() - 1));
        }
        return new StringMatch(Kind.EXACT, value);
    }

    /** Whether the actual value matches, case-sensitively. */
    boolean matches(String actual) {
        return switch (kind) {
            case EXACT -> actual.equals(operand);
            case PREFIX -> actual.startsWith(operand);
            case SUFFIX -> actual.endsWith(operand);
            case PRESENCE -> !actual.isEmpty();
        };
    }

    /** Whether the actual value matches, ignoring case (hosts). */
    boolean matchesIgnoringCase(String actual) {
        return new StringMatch(kind, operand.toLowerCase(Locale.ROOT)).matches(actual.toLowerCase(Locale.ROOT));
    }

    /** The value as written in the policy. */
    @Override
    public String toString() {
        return switch (kind) {
            case EXACT -> operand;
            case PREFIX -> operand + "*";
            case SUFFIX -> "*" + operand;
            case PRESENCE -> "*";
        };
    }
}
