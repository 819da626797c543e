package dev.kordon.simulator.istio;

/**
 * Three-valued (Kleene) truth: whether a rule matches a request, when some fact of the request is not known (the
 * probe gives no {@code Host}, or the client's TLS server name depends on the Service it used).
 */
enum Tri {
    YES,
    NO,
    UNKNOWN;

    static Tri of(boolean value) {
        return value ? YES : NO;
    }

    Tri and(Tri other) {
        if (this == NO || other == NO) {
            return NO;
        }
        return this == YES && other == YES ? YES : UNKNOWN;
    }

    Tri or(Tri other) {
        if (this == YES || other == YES) {
            return YES;
        }
        return this == NO && other == NO ? NO : UNKNOWN;
    }

    Tri not() {
        return this == YES ? NO : this == NO ? YES : UNKNOWN;
    }
}
