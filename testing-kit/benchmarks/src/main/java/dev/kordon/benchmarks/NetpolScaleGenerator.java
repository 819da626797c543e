package dev.kordon.benchmarks;

import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A synthetic cluster shaped like the kube-burner network-policy scale workload: {@link ScaleProfile#namespaces()}
 * namespaces {@code ns-0001}... of {@link ScaleProfile#podsPerNamespace()} bare pods {@code pod-01}... (label
 * {@code pod=<name>}, addresses in 10.0.0.0/8), and in each namespace {@code netpolsPerNamespace} ingress policies
 * ({@code ingress-N}) and as many egress ones ({@code egress-N}). Each policy selects {@code localPods} pods of its
 * namespace and has one rule whose peers are {@code podSelectors} namespace-and-pod selectors (each choosing
 * {@code peerNamespaces} namespaces by name and {@code peerPods} pods by label) and {@code cidrs} ipBlocks, on
 * {@code singlePorts} single TCP ports and {@code portRanges} TCP ranges.
 *
 * <p>Which pods, namespaces, ports and blocks is drawn from a {@link Random} with the given seed, so the same profile
 * and seed give the same text, byte for byte. Single ports come from 8080-8099, ranges from
 * {@code 9000+10k..9000+10k+4} ({@code k < 20}) and blocks from the /24s of 192.168.0.0/16, as in kube-burner, where
 * they are fixed per policy template: a bounded number of distinct ports and blocks keeps the connectivity matrix
 * (one probe per port interval and per external interval) comparable across sizes.
 */
public final class NetpolScaleGenerator {

    /** What the generator produces: the cluster, the policies as YAML text, and the same policies read. */
    public record Workload(ScaleProfile profile, Guardrails guardrails, Cluster cluster, String yaml,
            List<Manifest> policies) {
    }

    private NetpolScaleGenerator() {
    }

    /** The workload of a profile, drawn with a seed, with NetworkPolicies only. */
    public static Workload generate(ScaleProfile profile, long seed) {
        return generate(profile, Guardrails.none(), seed);
    }

    /** The workload of a profile, drawn with a seed, with the guardrails' cluster-wide policies after its own. */
    public static Workload generate(ScaleProfile profile, Guardrails guardrails, long seed) {
        Random random = new Random(seed);
        Cluster cluster = cluster(profile, guardrails);
        StringBuilder yaml = new StringBuilder(policies(profile, random));
        guardrails.write(yaml);
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read("k8s-netpol-scale.yaml", yaml.toString(), problems);
        problems.throwIfAny();
        return new Workload(profile, guardrails, cluster, yaml.toString(), manifests);
    }

    /** The namespaces and pods of a profile (no randomness). */
    public static Cluster cluster(ScaleProfile profile) {
        return cluster(profile, Guardrails.none());
    }

    /** The namespaces and pods of a profile, with the guardrails' tenant labels and DNS pods (no randomness). */
    public static Cluster cluster(ScaleProfile profile, Guardrails guardrails) {
        List<Namespace> namespaces = new ArrayList<>();
        List<Pod> pods = new ArrayList<>();
        if (guardrails.present()) {
            namespaces.add(new Namespace(Guardrails.DNS_NAMESPACE, new TreeMap<>(Map.of("kubernetes.io/metadata.name",
                    Guardrails.DNS_NAMESPACE))));
            for (int d = 0; d < Guardrails.DNS_PODS.size(); d++) {
                pods.add(new Pod(Guardrails.DNS_NAMESPACE, Guardrails.DNS_PODS.get(d), new TreeMap<>(Map.of("k8s-app",
                        "kube-dns")), "10.255.255." + (d + 1), List.of(new ContainerPort("dns", 53, "UDP"),
                        new ContainerPort("dns-tcp", 53, "TCP")), "default", false, "worker-" + d, "", Map.of()));
            }
        }
        for (int n = 0; n < profile.namespaces(); n++) {
            String namespace = namespaceName(n);
            TreeMap<String, String> labels = new TreeMap<>(Map.of("kubernetes.io/metadata.name", namespace));
            if (guardrails.present()) {
                labels.put("tenant", guardrails.tenant(n));
            }
            namespaces.add(new Namespace(namespace, labels));
            for (int p = 0; p < profile.podsPerNamespace(); p++) {
                int index = n * profile.podsPerNamespace() + p + 1;
                String ip = "10." + ((index >> 16) & 0xff) + "." + ((index >> 8) & 0xff) + "." + (index & 0xff);
                pods.add(new Pod(namespace, podName(p), new TreeMap<>(Map.of("pod", podName(p))), ip,
                        List.of(new ContainerPort("http", 8080, "TCP")), "default", false, "worker-" + (n % 3),
                        "", Map.of()));
            }
        }
        return new Cluster(namespaces, List.of(), pods, List.of());
    }

    /** The policies of a profile as one multi-document YAML text. */
    public static String policies(ScaleProfile profile, Random random) {
        StringBuilder out = new StringBuilder(profile.policies() * 2048);
        for (int n = 0; n < profile.namespaces(); n++) {
            for (String direction : List.of("ingress", "egress")) {
                for (int i = 1; i <= profile.netpolsPerNamespace(); i++) {
                    policy(out, profile, random, namespaceName(n), direction, i);
                }
            }
        }
        return out.toString();
    }

    private static void policy(StringBuilder out, ScaleProfile profile, Random random, String namespace,
            String direction, int number) {
        out.append("---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ")
                .append(direction).append('-').append(number).append("\n  namespace: ").append(namespace)
                .append("\nspec:\n  podSelector:\n");
        podsIn(out, "    ", pick(random, profile.podsPerNamespace(), profile.localPods()));
        out.append("  policyTypes: [").append(direction.equals("ingress") ? "Ingress" : "Egress").append("]\n  ")
                .append(direction).append(":\n  - ").append(direction.equals("ingress") ? "from" : "to").append(":\n");
        for (int s = 0; s < profile.podSelectors(); s++) {
            out.append("    - namespaceSelector:\n        matchExpressions:\n        - key: kubernetes.io/metadata.name\n"
                    + "          operator: In\n          values: [");
            join(out, pick(random, profile.namespaces(), profile.peerNamespaces()), true);
            out.append("]\n      podSelector:\n");
            podsIn(out, "        ", pick(random, profile.podsPerNamespace(), profile.peerPods()));
        }
        for (int block : pick(random, ScaleProfile.CIDR_POOL, profile.cidrs())) {
            out.append("    - ipBlock:\n        cidr: 192.168.").append(block).append(".0/24\n");
        }
        if (profile.singlePorts() + profile.portRanges() > 0) {
            out.append("    ports:\n");
        }
        for (int port : pick(random, ScaleProfile.PORT_POOL, profile.singlePorts())) {
            out.append("    - protocol: TCP\n      port: ").append(8080 + port).append('\n');
        }
        for (int range : pick(random, ScaleProfile.PORT_POOL, profile.portRanges())) {
            int start = 9000 + 10 * range;
            out.append("    - protocol: TCP\n      port: ").append(start).append("\n      endPort: ")
                    .append(start + 4).append('\n');
        }
    }

    private static void podsIn(StringBuilder out, String indent, TreeSet<Integer> pods) {
        out.append(indent).append("matchExpressions:\n").append(indent).append("- key: pod\n").append(indent)
                .append("  operator: In\n").append(indent).append("  values: [");
        join(out, pods, false);
        out.append("]\n");
    }

    private static void join(StringBuilder out, TreeSet<Integer> indexes, boolean namespaces) {
        boolean first = true;
        for (int index : indexes) {
            out.append(first ? "" : ", ").append(namespaces ? namespaceName(index) : podName(index));
            first = false;
        }
    }

    /** {@code count} distinct numbers of {@code 0..bound-1}, drawn without replacement. */
    private static TreeSet<Integer> pick(Random random, int bound, int count) {
        TreeSet<Integer> chosen = new TreeSet<>();
        while (chosen.size() < count) {
            chosen.add(random.nextInt(bound));
        }
        return chosen;
    }

    static String namespaceName(int index) {
        return String.format("ns-%04d", index + 1);
    }

    static String podName(int index) {
        return String.format("pod-%02d", index + 1);
    }
}
