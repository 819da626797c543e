package dev.kordon.codegen.importer;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Kordon;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.Names;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Origin;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.Protocol;
import dev.kordon.dsl.Tier;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Imports Istio {@code security.istio.io/v1} (and {@code v1beta1}) AuthorizationPolicy, the mesh layer that decides at
 * the destination's sidecar (backends.md §5). The policy's workloads are {@code pods(inNamespace(ns), matchLabels)}
 * ({@code namespace(ns)} without a selector); in the mesh root namespace {@code istio-system} they are the pods of
 * every namespace ({@code allPods()}, or {@code pods(inAnyNamespace(), matchLabels)}), in the set {@code cluster}.
 *
 * <p>Each rule becomes intents at the workloads' ingress ({@code onlyIngress()}), one per group of sources and group
 * of operations with the same ports: {@code allow} for ALLOW, {@code deny} for DENY, {@code audit} for AUDIT. An ALLOW
 * policy puts its workloads in default deny for the TCP traffic their sidecar intercepts (with no rules it allows
 * nothing): that is {@code isolate(...).ingress()} with an allow of UDP and SCTP from {@code anywhere()}, which the
 * sidecar does not intercept. A DENY policy with no rules never matches and imports nothing. What the DSL cannot say
 * exactly (CUSTOM, {@code targetRefs}, negations, patterns, conditions it has no form for, a per-object dry run, an
 * ALLOW beside L3/L4 policies of the same import) is reported, every field of the object, and the object left out.
 *
 * <p>The import reads the mesh as the istio generator writes for it: every pod has a sidecar and mTLS, so that a
 * principal is its pod's service account, and the ports an HTTP DENY names serve HTTP.
 */
final class IstioPolicyImport implements PolicyImport {

    /** MeshConfig's default root namespace, whose policies apply to every namespace (the simulator's too). */
    static final String ROOT_NAMESPACE = "istio-system";

    private static final String GROUP = "security.istio.io/";
    private static final String DRY_RUN = "istio.io/dry-run";
    private static final String BY_HAND = "declare what the policy does with the DSL by hand (docs/dsl.md), or keep"
            + " applying this manifest beside the generated ones";

    @Override
    public Set<String> types() {
        return Set.of(GROUP + "v1/AuthorizationPolicy", GROUP + "v1beta1/AuthorizationPolicy");
    }

    @Override
    public EnforcementProfile profile() {
        return EnforcementProfile.of(EnforcementProfile.Cni.GENERIC, EnforcementProfile.Mesh.ISTIO);
    }

    @Override
    public List<Imported> intents(List<Manifest> manifests, String defaultNamespace, Problems notImported,
            Problems notes) {
        return intents(manifests, List.of(), defaultNamespace, notImported, notes);
    }

    @Override
    public List<Imported> intents(List<Manifest> manifests, List<Manifest> all, String defaultNamespace,
            Problems notImported, Problems notes) {
        CniIngress cni = CniIngress.of(all);
        List<Imported> imported = new ArrayList<>();
        for (Manifest manifest : manifests) {
            String namespace = manifest.namespace().isEmpty() ? defaultNamespace : manifest.namespace();
            String set = namespace.equals(ROOT_NAMESPACE) ? Importer.CLUSTER_SET : namespace;
            Problems unsupported = new Problems();
            Problems policyNotes = new Problems();
            List<Intent> intents = new Policy(manifest, namespace, cni, unsupported, policyNotes).intents();
            PolicyImport.keepWhole(set, manifest, intents, unsupported, policyNotes, imported, notImported, notes);
        }
        return imported;
    }

    /** One AuthorizationPolicy read into intents; what the DSL cannot say goes to {@code unsupported}. */
    private record Policy(Manifest manifest, String namespace, CniIngress cni, Problems unsupported,
            Problems notes) {

        List<Intent> intents() {
            JsonNode spec = manifest.body().path("spec");
            String action = spec.path("action").asString("ALLOW");
            checkPolicy(spec, action);
            Peer subject = subject(matchLabels(spec));
            JsonNode rules = spec.path("rules");
            List<Intent> intents = new ArrayList<>();
            if (action.equals("ALLOW")) {
                intents.add(FirstAndMore.isolation(subject, Set.of(Direction.INGRESS), manifest.name()));
                intents.add(Kordon.allow(Entity.ANYWHERE).to(subject).on(new AllPorts(Protocol.UDP),
                        new AllPorts(Protocol.SCTP)).onlyIngress().named(name("not-intercepted")));
                notes.add(manifest, "spec.action", "isolates only the TCP traffic that the sidecar intercepts: the"
                        + " import isolates the workloads and allows UDP and SCTP from anywhere again, but the DSL"
                        + " has no port form for ICMP, which the imported intents therefore deny", "nothing to do"
                        + " unless the workloads must answer ICMP (ping) from other pods");
            } else if (action.equals("DENY") && rules.isEmpty()) {
                notes.add(manifest, "spec.rules", "has no rules: a DENY policy without rules never matches, so"
                        + " nothing is imported", "remove the policy, or give it the rules it is meant to have");
            }
            IstioRules reader = new IstioRules(namespace, (field, message, fix) -> unsupported.add(manifest, field,
                    message, fix));
            for (int r = 0; r < rules.size(); r++) {
                String path = "spec.rules[" + r + "]";
                List<IstioRules.Part> parts = reader.parts(path, rules.get(r));
                skippedWhole(path, action, parts);
                for (int p = 0; p < parts.size(); p++) {
                    String suffix = parts.size() == 1 ? "rule-" + r : "rule-" + r + "-" + p;
                    intents.add(connection(action, subject, parts.get(p), name(suffix)));
                    deniesPlainTcp(path, action, parts.get(p));
                }
            }
            return intents;
        }

        /** What the whole policy does that the DSL cannot say: CUSTOM, targetRefs, a dry run, ALLOW beside CNI. */
        private void checkPolicy(JsonNode spec, String action) {
            if (action.equals("CUSTOM")) {
                unsupported.add(manifest, "spec.action", "a CUSTOM policy, which asks extension provider '"
                        + spec.path("provider").path("name").asString("") + "' to decide, cannot be said in the DSL",
                        "keep applying this manifest beside the generated ones");
            }
            for (String field : List.of("targetRef", "targetRefs")) {
                if (spec.has(field)) {
                    unsupported.add(manifest, "spec." + field, "a policy for Gateways, waypoints or ServiceEntries"
                            + " (" + field + ") cannot be said in the DSL, whose subjects are pods", BY_HAND);
                }
            }
            String dryRun = manifest.body().path("metadata").path("annotations").path(DRY_RUN).asString("false");
            if (List.of("1", "t", "T", "TRUE", "true", "True").contains(dryRun)) {
                unsupported.add(manifest, "metadata.annotations." + DRY_RUN, "a dry-run policy cannot be said in the"
                        + " DSL, which runs a whole policy set dry (.dryRun()), not one object", "import dry-run"
                        + " policies on their own and mark their set .dryRun(), or " + BY_HAND);
            }
            if (action.equals("ALLOW") && cni.mayDecide(namespace.equals(ROOT_NAMESPACE) ? "" : namespace,
                    matchLabels(spec))) {
                unsupported.add(manifest, "spec.action", "an ALLOW policy for pods whose ingress L3/L4 policies of the"
                        + " same import may decide too cannot be said in the DSL: a flow must pass both the L3/L4"
                        + " policies and the mesh, where the DSL's allows add up", "import the AuthorizationPolicies on"
                        + " their own if no L3/L4 policy selects their workloads, or state each flow once with its HTTP"
                        + " rules (DEST.accepts(GET(...)).from(SOURCE)) by hand");
            }
        }

        /**
         * An Istio DENY (and AUDIT) drops the HTTP fields of a rule on a connection that is not HTTP, so it denies
         * every plain TCP connection on the rule's ports: said exactly only when the rule names them and they serve
         * HTTP.
         */
        private void deniesPlainTcp(String path, String action, IstioRules.Part part) {
            if (!action.equals("DENY") || !isL7(part)) {
                return;
            }
            if (part.ports().stream().anyMatch(port -> port instanceof AllPorts)) {
                unsupported.add(manifest, path + ".to", "a DENY rule with HTTP fields and no ports denies every"
                        + " plain TCP connection of its sources to the workloads, which a DSL deny of HTTP requests"
                        + " does not say", "name the HTTP ports in to.operation.ports (backends.md §5.3)");
            } else {
                notes.add(manifest, path, "is read for ports that serve HTTP: on a port that does not, Istio denies"
                        + " every connection of the rule's sources, where the imported deny stops HTTP requests only",
                        "nothing to do if ports " + part.ports() + " serve HTTP");
            }
        }

        /**
         * On a connection that is not HTTP Istio skips a whole ALLOW rule that has an HTTP field anywhere, so the
         * rule's operations or sources without one do not allow plain TCP either; the DSL says those as any traffic.
         */
        private void skippedWhole(String path, String action, List<IstioRules.Part> parts) {
            if (action.equals("ALLOW") && parts.stream().anyMatch(Policy::isL7)
                    && parts.stream().anyMatch(part -> !isL7(part))) {
                unsupported.add(manifest, path, "an ALLOW rule with HTTP fields in some operations or sources but not"
                        + " in others cannot be said in the DSL: on a connection that is not HTTP Istio skips the"
                        + " whole rule, so its parts without HTTP fields allow HTTP requests only, where the DSL"
                        + " allows any traffic on their ports", "move the operations and sources without HTTP fields"
                        + " into a rule of their own");
            }
        }

        private static boolean isL7(IstioRules.Part part) {
            return !part.http().isEmpty() || !part.conditions().isEmpty();
        }

        private Connection connection(String action, Peer subject, IstioRules.Part part, String name) {
            Action dsl = switch (action) {
                case "DENY" -> Action.DENY;
                case "AUDIT" -> Action.AUDIT;
                default -> Action.ALLOW;
            };
            List<PortMatch> ports = part.ports();
            return new Connection(name, Tier.APPLICATION, 0, dsl, part.sources(), List.of(subject), ports,
                    part.http(), part.conditions(), Set.of(Direction.INGRESS), Origin.unknown());
        }

        /** The labels of {@code spec.selector.matchLabels}; none selects every workload. */
        private static Map<String, String> matchLabels(JsonNode spec) {
            Map<String, String> labels = new TreeMap<>();
            spec.path("selector").path("matchLabels").properties().forEach(entry -> labels.put(entry.getKey(),
                    entry.getValue().asString("")));
            return labels;
        }

        /** The workloads: of the policy's namespace, or of every namespace from the root namespace. */
        private Peer subject(Map<String, String> labels) {
            LabelSelector selector = labels.isEmpty() ? LabelSelector.matchingAll() : LabelSelector.labels(labels);
            NamespaceScope scope = namespace.equals(ROOT_NAMESPACE) ? new NamespaceScope.All()
                    : new NamespaceScope.Named(List.of(namespace));
            return new Pods(scope, selector);
        }

        private String name(String suffix) {
            return Names.dns1123Label(manifest.name() + "-" + suffix);
        }
    }
}
