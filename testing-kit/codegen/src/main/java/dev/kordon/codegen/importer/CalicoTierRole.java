package dev.kordon.codegen.importer;

import dev.kordon.simulator.input.Manifest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a Calico tier means in the DSL, for the tiers where that is exact: Kordon's own layout (see the calico
 * generator's {@code TierLayout}) and Calico's {@code default} tier.
 *
 * <pre>
 * kordon-admin     Pass   admin guardrails, order = priority
 * kordon-deny      Pass   application denies (and audits): they decide, never isolate
 * kordon           Deny   application allows; a policy isolates its endpoints
 * default          Deny   the same, when the import has no kordon tier (Calico evaluates default after kordon)
 * kordon-baseline  Pass   baseline guardrails, order = priority
 * </pre>
 */
enum CalicoTierRole {
    ADMIN("kordon-admin", "Pass", Set.of("Allow", "Deny", "Pass", "Log")),
    DENY("kordon-deny", "Pass", Set.of("Deny", "Log")),
    APPLICATION("kordon", "Deny", Set.of("Allow", "Deny", "Log")),
    BASELINE("kordon-baseline", "Pass", Set.of("Allow", "Deny", "Pass", "Log"));

    static final String APPLICATION_TIER = "kordon";
    static final String DEFAULT_TIER = "default";
    private static final BigDecimal DEFAULT_ORDER = BigDecimal.valueOf(1_000_000);
    /** The order Calico gives converted Kubernetes NetworkPolicies in the default tier. */
    private static final BigDecimal KUBERNETES_ORDER = BigDecimal.valueOf(1000);
    private static final String FIX = "move the policy to one of Kordon's tiers (kordon-admin, kordon-deny, kordon,"
            + " kordon-baseline) if that keeps its meaning, or declare it with the DSL by hand";

    private final String tier;
    private final String defaultAction;
    private final Set<String> actions;

    CalicoTierRole(String tier, String defaultAction, Set<String> actions) {
        this.tier = tier;
        this.defaultAction = defaultAction;
        this.actions = actions;
    }

    /** The role of a tier; {@code default} is the application tier only when the import has no {@code kordon} tier. */
    static Optional<CalicoTierRole> of(String tier, boolean kordonTier) {
        if (tier.equals(DEFAULT_TIER)) {
            return kordonTier ? Optional.empty() : Optional.of(APPLICATION);
        }
        for (CalicoTierRole role : values()) {
            if (role.tier.equals(tier)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The role of a policy's tier, checked against the Tier objects of the import (Kordon's layout when absent). */
    static CalicoTierRole checked(String tier, boolean kordonTier, Map<String, JsonNode> tiers)
            throws NotExpressible {
        Optional<CalicoTierRole> role = of(tier, kordonTier);
        if (role.isEmpty()) {
            throw new NotExpressible("spec.tier", "is not imported: tier " + tier + (tier.equals(DEFAULT_TIER)
                    ? " comes after tier kordon, so its policies decide only for endpoints that no kordon policy"
                    + " selects, which the DSL's application intents do not say"
                    : " is not one of Kordon's tiers, whose order and default action the DSL has"), FIX);
        }
        JsonNode spec = tiers.get(tier);
        if (spec != null && !tier.equals(DEFAULT_TIER)
                && !spec.path("defaultAction").asString("Deny").equals(role.get().defaultAction)) {
            throw new NotExpressible("spec.tier", "is not imported: the Tier " + tier + " has defaultAction "
                    + spec.path("defaultAction").asString("Deny") + " where Kordon's layout has "
                    + role.get().defaultAction, "give the Tier its Kordon default action, or declare the policy by"
                    + " hand");
        }
        if (!ordered(tiers)) {
            throw new NotExpressible("spec.tier", "is not imported: the Tier objects do not keep Kordon's order"
                    + " (kordon-admin, kordon-deny, kordon, default at 1000000, kordon-baseline)",
                    "order the tiers as Kordon's calico target writes them");
        }
        return role.get();
    }

    private static boolean ordered(Map<String, JsonNode> tiers) {
        BigDecimal previous = null;
        for (String name : List.of("kordon-admin", "kordon-deny", "kordon", DEFAULT_TIER, "kordon-baseline")) {
            JsonNode spec = tiers.get(name);
            BigDecimal order = name.equals(DEFAULT_TIER) ? DEFAULT_ORDER
                    : spec == null ? null : spec.path("order").isNumber() ? spec.path("order").decimalValue()
                    : BigDecimal.valueOf(Double.MAX_VALUE);
            if (order == null) {
                continue;
            }
            if (previous != null && order.compareTo(previous) <= 0) {
                return false;
            }
            previous = order;
        }
        return true;
    }

    /**
     * Refuses a tier whose order against the Kubernetes kinds imported beside it ({@code kinds}) the DSL would change:
     * Calico puts NetworkPolicies in tier {@code default}, after {@code kordon}, and the network-policy-api's tiers in
     * {@code kube-admin} (before {@code kordon-admin}) and {@code kube-baseline} (after {@code kordon-baseline}).
     */
    void checkBeside(String name, Set<String> kinds) throws NotExpressible {
        boolean networkPolicies = kinds.contains("NetworkPolicy");
        boolean tiered = kinds.stream().anyMatch(kind -> kind.endsWith("AdminNetworkPolicy")
                || kind.equals("ClusterNetworkPolicy"));
        if (this == APPLICATION && name.equals(APPLICATION_TIER) && networkPolicies || isGuardrail() && tiered) {
            throw new NotExpressible("spec.tier", "is not imported: Calico evaluates tier " + name + " apart from the "
                    + (isGuardrail() ? "network-policy-api policies" : "Kubernetes NetworkPolicies")
                    + " of this import (in tier " + (isGuardrail() ? "kube-admin or kube-baseline" : "default")
                    + "), while the DSL " + (isGuardrail() ? "orders all guardrails by priority alone"
                    : "joins every application allow"), "import the Calico policies and the Kubernetes ones"
                    + " separately only if no endpoint is selected by both; otherwise declare them together with the"
                    + " DSL by hand");
        }
    }

    boolean isGuardrail() {
        return this == ADMIN || this == BASELINE;
    }

    /** The actions of rules the DSL says in this tier. */
    Set<String> actions() {
        return actions;
    }

    String describe() {
        return tier;
    }

    /** Why an action has no DSL form in this tier. */
    String why(String action) {
        if (action.equals("Pass")) {
            return "Pass skips to the next tier, which only guardrails say";
        }
        if (action.equals("Allow")) {
            return "an Allow here would decide before the application tier's isolation";
        }
        return "the DSL has no such action";
    }

    /**
     * The application-tier policies whose Deny rules Calico reaches only after some Allow (it decides by the first
     * match, the DSL lets denies win), with the field to report: the tiers' policies in Calico's order, rule by rule
     * per direction. In the default tier a Deny must also come before the Kubernetes NetworkPolicies (order 1000).
     */
    static Map<Manifest, String> denyAfterAllow(List<Manifest> policies) {
        Map<Manifest, String> late = new HashMap<>();
        List<Manifest> ordered = policies.stream().sorted(CalicoPolicyImport.evaluationOrder()).toList();
        for (String direction : List.of("ingress", "egress")) {
            Map<String, Boolean> allowSeen = new HashMap<>();
            for (Manifest manifest : ordered) {
                String tier = CalicoPolicyImport.tier(manifest);
                JsonNode spec = manifest.body().path("spec");
                JsonNode rules = spec.path(direction);
                for (int i = 0; i < rules.size(); i++) {
                    String action = rules.get(i).path("action").asString("");
                    boolean afterKubernetes = tier.equals(DEFAULT_TIER) && (!spec.path("order").isNumber()
                            || spec.path("order").decimalValue().compareTo(KUBERNETES_ORDER) >= 0);
                    if (action.equals("Deny") && (allowSeen.getOrDefault(tier, false) || afterKubernetes)) {
                        late.putIfAbsent(manifest, afterKubernetes ? "spec.order"
                                : "spec." + direction + "[" + i + "]");
                    }
                    if (action.equals("Allow")) {
                        allowSeen.put(tier, true);
                    }
                }
            }
        }
        return late;
    }
}
