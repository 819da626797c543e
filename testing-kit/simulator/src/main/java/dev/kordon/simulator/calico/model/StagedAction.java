package dev.kordon.simulator.calico.model;

/**
 * What a staged policy would do to the enforced policy of the same name once committed: {@code Set} (add or replace
 * it), {@code Delete} (remove it), {@code Learn} and {@code Ignore}. Enforced policies carry {@code NONE}.
 */
public enum StagedAction {
    NONE,
    SET,
    DELETE,
    LEARN,
    IGNORE
}
