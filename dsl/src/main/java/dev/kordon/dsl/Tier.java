package dev.kordon.dsl;

/**
 * Where a rule sits in the order of evaluation, from first to last.
 *
 * <p>{@link #ADMIN} rules are decided before anything an application team writes and cannot be overridden by it.
 * {@link #APPLICATION} is where ordinary intents live: allowing a flow there isolates the enforcing side.
 * {@link #BASELINE} rules are defaults that apply only to traffic the application tier left undecided.
 */
public enum Tier {
    /** Cluster guardrails that application policy cannot override; evaluated first, by priority. */
    ADMIN,
    /** Application intents: allow-lists (with optional denies) owned by the workload's team. */
    APPLICATION,
    /** Cluster defaults that any application intent for the same pod overrides; evaluated last, by priority. */
    BASELINE;

    /** Whether rules of this tier carry a priority (only the cluster-wide tiers do). */
    public boolean isClusterWide() {
        return this != APPLICATION;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
