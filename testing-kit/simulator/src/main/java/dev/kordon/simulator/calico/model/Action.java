package dev.kordon.simulator.calico.model;

import java.util.Locale;

/** What a matching rule does: Allow and Deny are final, Log continues, Pass jumps to the next tier. */
public enum Action {
    ALLOW,
    DENY,
    LOG,
    PASS;

    /** As Calico writes it: {@code Allow}, {@code Deny}, {@code Log}, {@code Pass}. */
    @Override
    public String toString() {
        String name = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
