package dev.kordon.generators.calico;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Names;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.Resource;
import dev.kordon.generators.manifest.Manifests;
import dev.kordon.generators.manifest.ObjectMetadata;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Calico tiers that carry the intent model's order of evaluation, named after
 * {@link GeneratorOptions#calicoTier()} ({@code kordon}) and ordered around Calico's built-in tiers
 * ({@code kube-admin} 1,000, {@code default} 1,000,000, {@code kube-baseline} 10,000,000):
 *
 * <pre>
 * kordon-admin     calicoTierOrder - 200   Pass   admin guardrails, order = priority
 * kordon-deny      calicoTierOrder - 100   Pass   application denies and audits: they decide, but never isolate
 * kordon           calicoTierOrder         Deny   application allows and isolations: allowing is isolating
 * default          1,000,000               Deny   (Calico's, with Kubernetes NetworkPolicy)
 * kordon-baseline  5,000,000               Pass   baseline guardrails, order = priority
 * </pre>
 */
final class TierLayout {

    /** One Kordon tier: its name, order, default action and what it is for. */
    record KordonTier(String name, BigDecimal order, CalicoTier.DefaultAction defaultAction, String purpose) {
    }

    /** The annotation that says what a shared Tier object is for. */
    static final String PURPOSE = "kordon.dev/purpose";

    private static final double KUBE_ADMIN_ORDER = 1_000;
    private static final double DEFAULT_ORDER = 1_000_000;
    private static final double BASELINE_ORDER = 5_000_000;
    private static final double STEP = 100;
    private static final Set<String> BUILT_IN = Set.of("default", "kube-admin", "kube-baseline");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    /** Room left for a policy name after the longest tier prefix ({@code <tier>-baseline.}). */
    private static final int MIN_POLICY_NAME = 16;

    private final KordonTier admin;
    private final KordonTier deny;
    private final KordonTier application;
    private final KordonTier baseline;

    TierLayout(GeneratorOptions options) {
        String base = options.calicoTier();
        double order = options.calicoTierOrder();
        check(base, order);
        admin = new KordonTier(base + "-admin", decimal(order - 2 * STEP), CalicoTier.DefaultAction.PASS,
                "admin guardrails by priority; traffic they do not decide passes to the next tier");
        deny = new KordonTier(base + "-deny", decimal(order - STEP), CalicoTier.DefaultAction.PASS,
                "application denies and audits; traffic they do not decide passes to the next tier");
        application = new KordonTier(base, decimal(order), CalicoTier.DefaultAction.DENY,
                "application allows and isolations; a pod they select is denied what they do not allow");
        baseline = new KordonTier(base + "-baseline", decimal(BASELINE_ORDER), CalicoTier.DefaultAction.PASS,
                "baseline guardrails by priority; traffic they do not decide passes to the next tier");
    }

    private static void check(String base, double order) {
        int longest = Names.MAX_LABEL - MIN_POLICY_NAME - 1 - "-baseline".length();
        if (!LABEL.matcher(base).matches() || base.length() > longest) {
            throw new IllegalArgumentException("GeneratorOptions.calicoTier must be a DNS-1123 label of at most "
                    + longest + " characters (tier names are derived from it): '" + base + "'");
        }
        for (String derived : List.of(base, base + "-admin", base + "-deny", base + "-baseline")) {
            if (BUILT_IN.contains(derived)) {
                throw new IllegalArgumentException("GeneratorOptions.calicoTier '" + base + "' gives the tier name '"
                        + derived + "', which is one of Calico's own tiers " + new java.util.TreeSet<>(BUILT_IN));
            }
        }
        if (!(order - 2 * STEP > KUBE_ADMIN_ORDER && order < DEFAULT_ORDER)) {
            throw new IllegalArgumentException("GeneratorOptions.calicoTierOrder must lie between "
                    + (long) (KUBE_ADMIN_ORDER + 2 * STEP) + " and " + (long) DEFAULT_ORDER + " (exclusive), so that"
                    + " the Kordon tiers come after kube-admin and before default: " + order);
        }
    }

    /** The tier of an intent's policies. */
    KordonTier of(Intent intent) {
        if (!(intent instanceof Connection)) {
            return application;
        }
        Connection connection = (Connection) intent;
        return switch (connection.tier()) {
            case ADMIN -> admin;
            case BASELINE -> baseline;
            case APPLICATION -> connection.action() == Action.ALLOW ? application : deny;
        };
    }

    /** The Tier object, the same for every policy set, so that sets never collide on it. */
    static Resource resource(KordonTier tier) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(Manifests.MANAGED_BY, "kordon");
        Map<String, String> annotations = new TreeMap<>();
        annotations.put(PURPOSE, tier.purpose());
        CalicoTier body = new CalicoTier(CalicoPolicy.API_VERSION, "Tier",
                new ObjectMetadata(tier.name(), null, new TreeMap<>(labels), new TreeMap<>(annotations)),
                new CalicoTier.Spec(tier.order(), tier.defaultAction()));
        return new Resource(CalicoPolicy.API_VERSION, "Tier", "", tier.name(), List.of(), body);
    }

    /** An order as Calico reads it, written without a fraction when it has none ({@code 10}, not {@code 10.0}). */
    static BigDecimal decimal(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return BigDecimal.valueOf((long) value);
        }
        return BigDecimal.valueOf(value);
    }
}
