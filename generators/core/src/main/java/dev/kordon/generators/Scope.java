package dev.kordon.generators;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Tier;
import java.util.EnumSet;
import java.util.Set;

/** Which intents of a policy set a layer of a target is given. */
public enum Scope {
    /** Every intent. */
    ALL,
    /** Application-tier connections and isolations. */
    APPLICATION,
    /** Admin and baseline guardrails. */
    GUARDRAILS,
    /** Admin guardrails only. */
    ADMIN,
    /** Baseline guardrails only. */
    BASELINE;

    /** Whether this scope gives the intent to its layer. */
    public boolean includes(Intent intent) {
        Tier tier = intent instanceof Connection ? ((Connection) intent).tier() : Tier.APPLICATION;
        return tiers().contains(tier);
    }

    /** Whether an intent using this feature can reach a layer of this scope. */
    public boolean admits(Feature feature) {
        String name = feature.name();
        if (name.startsWith("ADMIN_")) {
            return tiers().contains(Tier.ADMIN);
        }
        if (name.startsWith("BASELINE_")) {
            return tiers().contains(Tier.BASELINE);
        }
        if (name.startsWith("APPLICATION_") || feature == Feature.ISOLATION) {
            return tiers().contains(Tier.APPLICATION);
        }
        return true;
    }

    private Set<Tier> tiers() {
        return switch (this) {
            case ALL -> EnumSet.allOf(Tier.class);
            case APPLICATION -> EnumSet.of(Tier.APPLICATION);
            case GUARDRAILS -> EnumSet.of(Tier.ADMIN, Tier.BASELINE);
            case ADMIN -> EnumSet.of(Tier.ADMIN);
            case BASELINE -> EnumSet.of(Tier.BASELINE);
        };
    }
}
