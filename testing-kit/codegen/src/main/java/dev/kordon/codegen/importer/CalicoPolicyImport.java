package dev.kordon.codegen.importer;

import static dev.kordon.dsl.Kordon.guardrail;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Kordon;
import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.Names;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Steps;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Imports {@code projectcalico.org/v3} NetworkPolicy and GlobalNetworkPolicy in the tiers whose meaning the DSL has
 * (see {@link CalicoTierRole}): {@code kordon-admin} and {@code kordon-baseline} as guardrails whose priority is the
 * policy's order, {@code kordon-deny} as application denies, and {@code kordon} (or {@code default} without it) as
 * application allows, each policy isolating its endpoints in its {@code types}. A NetworkPolicy's intents go to its
 * namespace's set, a GlobalNetworkPolicy's to {@code cluster}. An object that uses anything else is left out whole
 * and every such field reported, not only the first; {@code Tier} objects are read to check that Kordon's tiers keep
 * their meaning.
 */
final class CalicoPolicyImport implements PolicyImport {

    private static final String CALICO = "projectcalico.org/v3/";
    static final String NETWORK_POLICY = CALICO + "NetworkPolicy";
    static final String GLOBAL_NETWORK_POLICY = CALICO + "GlobalNetworkPolicy";
    static final String TIER = CALICO + "Tier";
    private static final Set<String> SPEC_FIELDS = Set.of("tier", "order", "selector", "namespaceSelector", "types",
            "ingress", "egress");
    private static final String BY_HAND = "declare what this policy does with the DSL by hand (docs/dsl.md), or keep"
            + " applying it beside the generated manifests";

    @Override
    public Set<String> types() {
        return Set.of(NETWORK_POLICY, GLOBAL_NETWORK_POLICY, TIER);
    }

    @Override
    public EnforcementProfile profile() {
        return EnforcementProfile.of(EnforcementProfile.Cni.CALICO, EnforcementProfile.Mesh.NONE);
    }

    @Override
    public List<Imported> intents(List<Manifest> manifests, String defaultNamespace, Problems notImported,
            Problems notes) {
        return intents(manifests, manifests, defaultNamespace, notImported, notes);
    }

    /**
     * As {@link #intents(List, String, Problems, Problems)}, where a policy of tier {@code kordon} is not imported
     * beside Kubernetes NetworkPolicies (Calico evaluates them after it, in tier {@code default}, while the DSL joins
     * every application allow), nor a guardrail beside ClusterNetworkPolicies or (Baseline)AdminNetworkPolicies
     * (Calico evaluates tier {@code kube-admin} before {@code kordon-admin} and {@code kube-baseline} after
     * {@code kordon-baseline}, while the DSL orders guardrails by priority alone).
     */
    @Override
    public List<Imported> intents(List<Manifest> manifests, List<Manifest> all, String defaultNamespace,
            Problems notImported, Problems notes) {
        List<Manifest> policies = manifests.stream().filter(m -> !m.type().equals(TIER)).toList();
        Layout layout = Layout.of(tiers(manifests, notImported), policies, all);
        List<Imported> imported = new ArrayList<>();
        for (Manifest manifest : policies) {
            String namespace = manifest.type().equals(GLOBAL_NETWORK_POLICY) ? ""
                    : manifest.namespace().isEmpty() ? defaultNamespace : manifest.namespace();
            Unexpressed missing = new Unexpressed();
            CalicoTierRole role = layout.role(manifest, missing);
            Problems ignored = new Problems();
            List<Intent> intents = policy(manifest, role, new CalicoRules(namespace), ignored, missing);
            if (missing.isEmpty()) {
                String set = namespace.isEmpty() ? Importer.CLUSTER_SET : namespace;
                intents.forEach(intent -> imported.add(new Imported(set, manifest, intent)));
                ignored.all().forEach(entry -> notImported.add(entry.file(), entry.object(), entry.field(),
                        entry.message(), entry.hint()));
            } else {
                missing.reportTo(manifest, notImported);
            }
        }
        return imported;
    }

    /** The Tier objects of the import by name; each that is not one of Kordon's tiers is reported. */
    private static Map<String, JsonNode> tiers(List<Manifest> manifests, Problems notImported) {
        Map<String, JsonNode> tiers = new HashMap<>();
        for (Manifest tier : manifests.stream().filter(m -> m.type().equals(TIER)).toList()) {
            tiers.put(tier.name(), tier.body().path("spec"));
            if (CalicoTierRole.of(tier.name(), true).isEmpty()) {
                notImported.add(tier, "", "is not imported: tier " + tier.name() + " is not one of Kordon's tiers"
                        + " (kordon-admin, kordon-deny, kordon, kordon-baseline), whose order and default action the"
                        + " DSL has", "leave it out of the import's inputs, with its policies (reported on their own)");
            }
        }
        return tiers;
    }

    /**
     * What a policy's tier means in this import: the Tier objects, whether tier {@code kordon} is used (else
     * {@code default} holds the application allows), the kinds of other families imported beside, and the policies
     * whose Deny comes after an Allow of their tier (with the field).
     */
    private record Layout(Map<String, JsonNode> tiers, boolean kordonTier, Set<String> beside,
            Map<Manifest, String> denyAfterAllow) {

        static Layout of(Map<String, JsonNode> tiers, List<Manifest> policies, List<Manifest> all) {
            Set<String> beside = new java.util.TreeSet<>();
            all.stream().filter(m -> m.group().equals("networking.k8s.io")
                    || m.group().equals("policy.networking.k8s.io")).forEach(m -> beside.add(m.kind()));
            boolean kordonTier = policies.stream().anyMatch(m -> tier(m).equals(CalicoTierRole.APPLICATION_TIER));
            Map<Manifest, String> denyAfterAllow = CalicoTierRole.denyAfterAllow(policies.stream()
                    .filter(m -> CalicoTierRole.of(tier(m), kordonTier).orElse(null) == CalicoTierRole.APPLICATION)
                    .toList());
            return new Layout(tiers, kordonTier, beside, denyAfterAllow);
        }

        /** The role of the policy's tier, or null when it has none; every reason it cannot be imported is collected. */
        CalicoTierRole role(Manifest manifest, Unexpressed missing) {
            CalicoTierRole role = missing.read(() -> CalicoTierRole.checked(tier(manifest), kordonTier, tiers), null);
            if (role != null) {
                missing.check(() -> role.checkBeside(tier(manifest), beside));
            }
            if (denyAfterAllow.containsKey(manifest)) {
                missing.add(new NotExpressible(denyAfterAllow.get(manifest),
                        "is not imported: a Deny of this policy comes after an Allow (or a Kubernetes"
                        + " NetworkPolicy, order 1000) in tier " + tier(manifest) + ", where Calico decides by the"
                        + " first match and the DSL lets denies win", "give the denies a lower order than every"
                        + " allow of the tier (and below 1000), or put them in tier kordon-deny"));
            }
            return role;
        }
    }

    static String tier(Manifest manifest) {
        return manifest.body().path("spec").path("tier").asString(CalicoTierRole.DEFAULT_TIER);
    }

    /**
     * The intents of a policy, or none when {@code missing} has anything: then every part the DSL cannot say has been
     * collected in it. A policy whose tier has no role ({@code role} null) is still read, for the other parts' sake.
     */
    private static List<Intent> policy(Manifest manifest, CalicoTierRole role, CalicoRules rules,
            Problems notImported, Unexpressed missing) {
        JsonNode spec = manifest.body().path("spec");
        for (String field : spec.propertyNames()) {
            if (!SPEC_FIELDS.contains(field) || field.equals("namespaceSelector") && !rules.namespace().isEmpty()) {
                missing.add(new NotExpressible("spec." + field, "is not imported: " + field + " (service-account"
                        + " selectors, host-endpoint options, performance hints, staging) has no DSL form", BY_HAND));
            }
        }
        List<Peer> subjects = missing.read(() -> subjects(spec, rules), List.of());
        Set<Direction> types = types(spec);
        List<Intent> intents = new ArrayList<>();
        Set<Direction> unallowed = EnumSet.noneOf(Direction.class);
        for (Direction direction : types) {
            if (!rules(manifest, direction, role, rules, subjects, intents, missing)) {
                unallowed.add(direction);
            }
        }
        if (!missing.isEmpty()) {
            return List.of();
        }
        ignored(manifest, spec, types, notImported);
        if (role == CalicoTierRole.APPLICATION && !unallowed.isEmpty()) {
            // the tier ends in Deny for every endpoint a policy of it selects: that is isolation
            Steps.IsolationDirection step = Kordon.isolate(subjects.get(0), FirstAndMore.morePeers(subjects));
            intents.add(0, (unallowed.size() == 2 ? step.ingressAndEgress()
                    : unallowed.contains(Direction.INGRESS) ? step.ingress() : step.egress())
                    .named(Names.dns1123Label(manifest.name() + "-isolation")));
        }
        return intents;
    }

    /**
     * Adds the intents of the policy's rules of one direction (none once anything of the object is missing) and says
     * whether one of them is an Allow.
     */
    private static boolean rules(Manifest manifest, Direction direction, CalicoTierRole role, CalicoRules rules,
            List<Peer> subjects, List<Intent> intents, Unexpressed missing) {
        JsonNode spec = manifest.body().path("spec");
        String field = direction == Direction.INGRESS ? "ingress" : "egress";
        JsonNode list = spec.path(field);
        boolean allows = false;
        for (int i = 0; i < list.size(); i++) {
            JsonNode rule = list.get(i);
            Rule read = Rule.read("spec." + field + "[" + i + "]", rule, direction, role, rules, missing);
            int priority = role == null || !role.isGuardrail() ? 0 : missing.read(() -> order(manifest, spec, rule), 0);
            allows |= read.action().equals("Allow");
            if (missing.isEmpty()) {
                intents.add(read.intent(role, priority, subjects,
                        Names.dns1123Label(manifest.name() + "-" + field + "-" + i)));
            }
        }
        return allows;
    }

    /** Rules of a direction that {@code types} does not list: Calico does not apply them, and neither does the DSL. */
    private static void ignored(Manifest manifest, JsonNode spec, Set<Direction> types, Problems notImported) {
        for (Direction direction : EnumSet.complementOf(EnumSet.copyOf(types))) {
            String field = direction == Direction.INGRESS ? "ingress" : "egress";
            if (!spec.path(field).isEmpty()) {
                notImported.add(manifest, "spec." + field, "is ignored: spec.types does not list "
                        + (direction == Direction.INGRESS ? "Ingress" : "Egress") + ", so Calico does not apply these"
                        + " rules, and the import leaves them out too", "add the direction to types if the rules are"
                        + " meant to apply, or remove them");
            }
        }
    }

    /** {@code types} as written, or as Calico defaults it: Egress alone when only egress rules are written. */
    private static Set<Direction> types(JsonNode spec) {
        Set<Direction> types = EnumSet.noneOf(Direction.class);
        for (JsonNode type : spec.path("types")) {
            types.add(type.asString("").equals("Egress") ? Direction.EGRESS : Direction.INGRESS);
        }
        if (types.isEmpty()) {
            if (!spec.path("ingress").isEmpty() || spec.path("egress").isEmpty()) {
                types.add(Direction.INGRESS);
            }
            if (!spec.path("egress").isEmpty()) {
                types.add(Direction.EGRESS);
            }
        }
        return types;
    }

    /**
     * The policy's endpoints: pods of its namespace (a NetworkPolicy; {@code projectcalico.org/serviceaccount == "sa"}
     * alone is the service account), or of the namespaces of its {@code namespaceSelector} (a GlobalNetworkPolicy,
     * every namespace without one); one subject per alternative of a top-level {@code ||}.
     */
    private static List<Peer> subjects(JsonNode spec, CalicoRules rules) throws NotExpressible {
        NamespaceScope scope = CalicoRules.written(spec, "namespaceSelector")
                ? CalicoSelectors.namespaces("spec.namespaceSelector", spec.path("namespaceSelector").asString(""))
                : rules.own();
        List<Peer> subjects = new ArrayList<>();
        for (LabelSelector selector : CalicoSelectors.alternatives("spec.selector",
                spec.path("selector").asString(""))) {
            List<LabelRequirement> requirements = selector.requirements();
            if (!rules.namespace().isEmpty() && requirements.size() == 1
                    && requirements.get(0).key().equals(CalicoSelectors.SERVICE_ACCOUNT)
                    && requirements.get(0).operator() == LabelRequirement.Operator.IN
                    && requirements.get(0).values().size() == 1) {
                subjects.add(new ServiceAccountRef(rules.namespace(), requirements.get(0).values().get(0)));
            } else {
                subjects.add(new Pods(scope, ImportedSelectors.byName(CalicoSelectors.pods("spec.selector",
                        selector))));
            }
        }
        return subjects;
    }

    /**
     * A guardrail's priority: the policy's order, which must be a whole number the DSL has (a Log rule's order may be
     * half a step earlier, as Kordon writes audits).
     */
    private static int order(Manifest manifest, JsonNode spec, JsonNode rule) throws NotExpressible {
        JsonNode order = spec.path("order");
        if (!order.isNumber()) {
            throw new NotExpressible("spec.order", "is not imported: a guardrail policy without an order comes last"
                    + " in its tier, which no priority of the DSL says", "give the policy an order from 0 to 1000");
        }
        BigDecimal written = order.decimalValue();
        BigDecimal priority = rule.path("action").asString("").equals("Log")
                ? written.setScale(0, java.math.RoundingMode.CEILING) : written;
        if (priority.stripTrailingZeros().scale() > 0 || priority.signum() < 0
                || priority.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new NotExpressible("spec.order", "is not imported: order " + written.toPlainString() + " of "
                    + manifest.describe() + " is not a whole number from 0 to 1000, the priorities of the DSL",
                    "give the policy a whole order from 0 to 1000");
        }
        return priority.intValueExact();
    }

    /** One rule as read: its action, peers and ports; {@link #intent} only when nothing of the object is missing. */
    private record Rule(Direction direction, String action, List<Peer> peers, List<PortMatch> ports) {

        static Rule read(String path, JsonNode rule, Direction direction, CalicoTierRole role, CalicoRules rules,
                Unexpressed missing) {
            boolean ingress = direction == Direction.INGRESS;
            rules.checkFields(path, rule, ingress, missing);
            String action = rule.path("action").asString("");
            if (role != null && !role.actions().contains(action)) {
                missing.add(new NotExpressible(path + ".action", "is not imported: action " + action + " in tier "
                        + role.describe() + " has no DSL form (" + role.why(action) + ")", BY_HAND));
            }
            List<Peer> peers = missing.read(() -> rules.peers(path + "." + (ingress ? "source" : "destination"),
                    rule.path(ingress ? "source" : "destination")), List.of());
            List<PortMatch> ports = missing.read(() -> CalicoRules.ports(path, rule), List.of());
            return new Rule(direction, action, peers, ports);
        }

        Intent intent(CalicoTierRole role, int priority, List<Peer> subjects, String name) {
            boolean ingress = direction == Direction.INGRESS;
            Peer[] morePeers = FirstAndMore.morePeers(peers);
            Peer[] moreSubjects = FirstAndMore.morePeers(subjects);
            PortMatch[] morePorts = FirstAndMore.morePorts(ports);
            if (role.isGuardrail()) {
                Steps.GuardrailAction tier = role == CalicoTierRole.ADMIN ? guardrail(name).admin(priority)
                        : guardrail(name).baseline(priority);
                Steps.GuardrailDirection step = switch (action) {
                    case "Allow" -> tier.allow();
                    case "Pass" -> tier.pass();
                    case "Log" -> tier.audit();
                    default -> tier.deny();
                };
                return ingress ? step.ingressTo(subjects.get(0), moreSubjects).from(peers.get(0), morePeers)
                        .on(ports.get(0), morePorts)
                        : step.egressFrom(subjects.get(0), moreSubjects).to(peers.get(0), morePeers)
                        .on(ports.get(0), morePorts);
            }
            Steps.To step = ingress ? application(action, peers.get(0), morePeers)
                    : application(action, subjects.get(0), moreSubjects);
            Connection connection = ingress ? step.to(subjects.get(0), moreSubjects).on(ports.get(0), morePorts)
                    .onlyIngress() : step.to(peers.get(0), morePeers).on(ports.get(0), morePorts).onlyEgress();
            return connection.named(name);
        }
    }

    private static Steps.To application(String action, Peer first, Peer... more) {
        return switch (action) {
            case "Allow" -> Kordon.allow(first, more);
            case "Log" -> Kordon.audit(first, more);
            default -> Kordon.deny(first, more);
        };
    }

    /** Policies by tier, in Calico's order of evaluation: order (none last), then name. */
    static Comparator<Manifest> evaluationOrder() {
        return Comparator.<Manifest, BigDecimal>comparing(m -> m.body().path("spec").path("order").isNumber()
                        ? m.body().path("spec").path("order").decimalValue() : null,
                Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(m -> m.name() + "/" + m.namespace());
    }
}
