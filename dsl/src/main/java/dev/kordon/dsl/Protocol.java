package dev.kordon.dsl;

import java.util.Locale;

/** A transport protocol that every supported backend can match on. */
public enum Protocol {
    TCP,
    UDP,
    SCTP;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
