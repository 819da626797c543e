package dev.kordon.simulator.calico;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.calico.eval.CalicoEngine;
import dev.kordon.simulator.calico.eval.Endpoints;
import dev.kordon.simulator.calico.model.Action;
import dev.kordon.simulator.calico.model.NetworkSet;
import dev.kordon.simulator.calico.model.Policy;
import dev.kordon.simulator.calico.model.PolicyKind;
import dev.kordon.simulator.calico.model.PolicyStore;
import dev.kordon.simulator.calico.model.Profile;
import dev.kordon.simulator.calico.model.Tier;
import dev.kordon.simulator.calico.parse.CalicoPolicyReader;
import dev.kordon.simulator.calico.parse.ClusterPolicyReader;
import dev.kordon.simulator.calico.parse.KubernetesPolicyReader;
import dev.kordon.simulator.calico.parse.ResourceReader;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.engine.CniEngine;
import dev.kordon.simulator.engine.EngineFactory;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The calico engine (profile {@code cni: calico}): reads Calico's projectcalico.org/v3 policies, tiers, network sets
 * and profiles, Kubernetes NetworkPolicy and ClusterNetworkPolicy (converted as Calico converts them), and decides
 * flows as Felix (and, for HTTP rules under Application Layer Policy, Dikastes) would.
 */
public final class CalicoEngineFactory implements EngineFactory<CniEngine> {

    private static final String CALICO = "projectcalico.org/v3/";
    private static final String KUBERNETES_NETWORK_POLICY = "networking.k8s.io/v1/NetworkPolicy";
    private static final String CLUSTER_NETWORK_POLICY = "policy.networking.k8s.io/v1alpha2/ClusterNetworkPolicy";
    private static final Map<String, PolicyKind> CALICO_POLICIES = Map.of(
            CALICO + "NetworkPolicy", PolicyKind.NETWORK_POLICY,
            CALICO + "GlobalNetworkPolicy", PolicyKind.GLOBAL_NETWORK_POLICY,
            CALICO + "StagedNetworkPolicy", PolicyKind.STAGED_NETWORK_POLICY,
            CALICO + "StagedGlobalNetworkPolicy", PolicyKind.STAGED_GLOBAL_NETWORK_POLICY);
    private static final String STAGED_KUBERNETES = CALICO + "StagedKubernetesNetworkPolicy";

    @Override
    public Set<String> types() {
        Set<String> types = new java.util.TreeSet<>(CALICO_POLICIES.keySet());
        types.addAll(List.of(STAGED_KUBERNETES, CALICO + "Tier", CALICO + "NetworkSet", CALICO + "GlobalNetworkSet",
                CALICO + "Profile", CALICO + "HostEndpoint", KUBERNETES_NETWORK_POLICY, CLUSTER_NETWORK_POLICY));
        return Set.copyOf(types);
    }

    @Override
    public CniEngine create(Cluster cluster, List<Manifest> manifests, EnforcementProfile profile, Problems problems) {
        Map<String, Tier> tiers = builtInTiers();
        List<Policy> policies = new ArrayList<>();
        List<NetworkSet> networkSets = new ArrayList<>();
        Map<String, Profile> profiles = new TreeMap<>();
        ResourceReader resources = new ResourceReader();
        for (Manifest manifest : manifests) {
            String type = manifest.type();
            if (CALICO_POLICIES.containsKey(type)) {
                new CalicoPolicyReader().read(manifest, CALICO_POLICIES.get(type), problems).ifPresent(policies::add);
            } else if (type.equals(KUBERNETES_NETWORK_POLICY) || type.equals(STAGED_KUBERNETES)) {
                new KubernetesPolicyReader().read(manifest, type.equals(STAGED_KUBERNETES)
                        ? PolicyKind.STAGED_KUBERNETES_NETWORK_POLICY : PolicyKind.KUBERNETES_NETWORK_POLICY, problems)
                        .ifPresent(policies::add);
            } else if (type.equals(CLUSTER_NETWORK_POLICY)) {
                new ClusterPolicyReader().read(manifest, problems).ifPresent(policies::add);
            } else if (type.equals(CALICO + "Tier")) {
                resources.tier(manifest, problems).ifPresent(tier -> addTier(tiers, tier, manifest, problems));
            } else if (type.endsWith("NetworkSet")) {
                resources.networkSet(manifest, type.endsWith("GlobalNetworkSet"), problems)
                        .ifPresent(networkSets::add);
            } else if (type.equals(CALICO + "Profile")) {
                resources.profile(manifest, problems).ifPresent(found -> profiles.put(found.name(), found));
            } else {
                problems.add(manifest, "", "is not supported by the simulator's calico engine: host endpoints and"
                        + " the policy applied to host traffic are not modelled", "remove it; policies still apply"
                        + " to pods");
            }
        }
        checkTiers(policies, tiers, manifests, problems);
        checkPods(cluster, profiles, problems);
        duplicates(manifests, problems);
        return new CalicoEngine(cluster, new PolicyStore(List.copyOf(tiers.values()), policies, networkSets,
                profiles), profile);
    }

    private static Map<String, Tier> builtInTiers() {
        Map<String, Tier> tiers = new LinkedHashMap<>();
        tiers.put(Tier.KUBE_ADMIN, Tier.builtIn(Tier.KUBE_ADMIN, 1_000, Action.PASS));
        tiers.put(Tier.DEFAULT, Tier.builtIn(Tier.DEFAULT, 1_000_000, Action.DENY));
        tiers.put(Tier.KUBE_BASELINE, Tier.builtIn(Tier.KUBE_BASELINE, 10_000_000, Action.PASS));
        return tiers;
    }

    /** A Tier manifest; the built-in tiers may be written only as Calico creates them. */
    private static void addTier(Map<String, Tier> tiers, Tier tier, Manifest manifest, Problems problems) {
        Tier builtIn = builtInTiers().get(tier.name());
        if (builtIn != null && (builtIn.order() != tier.order() || builtIn.defaultAction() != tier.defaultAction())) {
            problems.add(manifest, "spec", "changes the built-in tier " + tier.name() + ", which Calico creates with"
                    + " order " + (long) builtIn.order() + " and defaultAction " + builtIn.defaultAction(),
                    "leave the tier out, or write it with exactly these values");
            return;
        }
        tiers.put(tier.name(), builtIn != null ? builtIn : tier);
    }

    private static void checkTiers(List<Policy> policies, Map<String, Tier> tiers, List<Manifest> manifests,
            Problems problems) {
        for (Policy policy : policies) {
            if (!tiers.containsKey(policy.tier())) {
                Optional<Manifest> manifest = manifests.stream().filter(m -> m.describe().equals(policy.resource()))
                        .findFirst();
                manifest.ifPresent(m -> problems.add(m, "spec.tier", "names a tier that does not exist: '"
                        + policy.tier() + "'", "create the Tier, or use one of " + String.join(", ", tiers.keySet())));
            }
        }
    }

    /** The NCA fields of pods: whether they are workload endpoints, and their profiles (which must exist). */
    private static void checkPods(Cluster cluster, Map<String, Profile> profiles, Problems problems) {
        for (Pod pod : cluster.pods()) {
            Object endpoint = pod.extra().get(Endpoints.WORKLOAD_ENDPOINT);
            if (endpoint != null && !(endpoint instanceof Boolean) && !(endpoint instanceof String)) {
                problems.add("cluster", "pod " + pod.id(), Endpoints.WORKLOAD_ENDPOINT, "is not true, false or the"
                        + " endpoint's name: " + endpoint, "write true or false");
            }
            Object given = pod.extra().get(Endpoints.PROFILES);
            if (given != null && !(given instanceof List<?>)) {
                problems.add("cluster", "pod " + pod.id(), Endpoints.PROFILES, "is not a list of profile names: "
                        + given, "list the profile names");
                continue;
            }
            for (String name : Endpoints.profiles(pod)) {
                if (!name.startsWith("kns.") && !name.startsWith("ksa.") && !profiles.containsKey(name)) {
                    problems.add("cluster", "pod " + pod.id(), Endpoints.PROFILES, "names a profile that is not"
                            + " given: '" + name + "'", "add the Profile to the policies, or remove the name");
                }
            }
        }
    }

    private static void duplicates(List<Manifest> manifests, Problems problems) {
        Set<String> seen = new java.util.HashSet<>();
        for (Manifest manifest : manifests) {
            if (!seen.add(manifest.type() + " " + manifest.namespace() + "/" + manifest.name())) {
                problems.add(manifest, "metadata.name", "is used twice for a " + manifest.kind()
                        + (manifest.namespace().isEmpty() ? "" : " in namespace " + manifest.namespace()),
                        "give each object its own name; the later one would replace the earlier");
            }
        }
    }
}
