package dev.kordon.dsl;

import java.util.Locale;
import java.util.Objects;

/** A condition on one request header: present with any value, or equal to a value. Names are case-insensitive. */
public sealed interface HeaderMatch permits HeaderMatch.Present, HeaderMatch.Equals {

    /** The header name, in lower case. */
    String name();

    /** The header is present, with any value. */
    record Present(String name) implements HeaderMatch {
        public Present {
            name = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return Canonical.quote(name);
        }
    }

    /** The header is present with exactly this value. */
    record Equals(String name, String value) implements HeaderMatch {
        public Equals {
            name = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return Canonical.quote(name) + "=" + Canonical.quote(value);
        }
    }
}
