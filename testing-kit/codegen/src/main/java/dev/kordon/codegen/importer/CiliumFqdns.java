package dev.kordon.codegen.importer;

import dev.kordon.dsl.DnsName;
import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The {@code toFQDNs} of a Cilium rule as DSL DNS names, and the DNS rules that let Cilium learn their addresses.
 *
 * <p>Cilium admits traffic to a name only to addresses its DNS proxy saw in answers to the pod's lookups, and the
 * proxy sees a lookup only on a port with a DNS rule ({@code rules.dns}). The DSL's {@code dnsName(...)} says "this
 * name", and the cilium target gives every DNS allow of the set a rule answering every name. So a {@code toFQDNs} is
 * imported only where the same Cilium rule sends the pods' lookups to the cluster DNS ({@code k8s-app=kube-dns} in
 * {@code kube-system}) on port 53 through a DNS rule answering every name ({@code matchPattern: "*"}); that DNS rule
 * then says nothing beyond its port, and the item is an ordinary allow. Narrower DNS rules filter lookups, which the
 * DSL does not say.
 */
final class CiliumFqdns {

    private static final String NAMESPACE_KEY = "io.kubernetes.pod.namespace";
    private static final Map<String, String> CLUSTER_DNS = Map.of("k8s-app", "kube-dns");

    /** Reports a field the DSL cannot say. */
    @FunctionalInterface
    interface Report {
        void unsupported(String field, String what, String why);
    }

    private CiliumFqdns() {
    }

    /** Whether the DNS rules of a port rule answer every name ({@code dns: [{matchPattern: "*"}]}). */
    static boolean answersEveryName(JsonNode dns) {
        if (!dns.isArray() || dns.isEmpty()) {
            return false;
        }
        for (JsonNode rule : dns) {
            if (rule.size() != 1 || !rule.path("matchPattern").asString("").equals("*")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the rule's egress sends lookups to the cluster DNS on port 53 through a DNS rule answering every name,
     * so that Cilium learns the addresses of every name its pods look up.
     */
    static boolean learnsNames(Manifest manifest, JsonNode rule, String namespace) {
        for (JsonNode item : rule.path("egress")) {
            if (selectsClusterDns(manifest, item.path("toEndpoints"), namespace) && lookupPort(item.path("toPorts"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One {@code toFQDNs} item as a DNS name: {@code matchName: a.b} is {@code dnsName("a.b")}, {@code matchPattern:
     * "**.b"} is {@code dnsName("*.b")} (one or more labels), a pattern without wildcard is its name. Anything else,
     * or a name whose addresses the rule does not let Cilium learn, is reported.
     */
    static Optional<DnsName> name(String at, JsonNode item, boolean learns, Report report) {
        String name = item.path("matchName").asString("");
        String pattern = item.path("matchPattern").asString("");
        Optional<DnsName> dns = Optional.empty();
        if (!name.isEmpty()) {
            dns = Optional.of(new DnsName(name));
        } else if (pattern.startsWith("**.") && !pattern.substring(3).contains("*")) {
            dns = Optional.of(new DnsName("*." + pattern.substring(3)));
        } else if (!pattern.contains("*")) {
            dns = Optional.of(new DnsName(pattern));
        } else {
            report.unsupported(at + ".matchPattern", "the pattern " + pattern, "the DSL's wildcard *.domain is"
                    + " one or more whole labels before the domain, which Cilium writes **.domain");
        }
        if (dns.isPresent() && !learns) {
            report.unsupported(at, "toFQDNs without a DNS rule", "Cilium admits a name only at addresses its DNS proxy"
                    + " learned, and this rule sends no lookup to the cluster DNS (k8s-app=kube-dns) on port 53"
                    + " through rules.dns matchPattern \"*\"; add that egress item to the rule");
            return Optional.empty();
        }
        return dns;
    }

    private static boolean selectsClusterDns(Manifest manifest, JsonNode endpoints, String namespace) {
        for (JsonNode selector : endpoints) {
            LabelSelector read = ImportedSelectors.read(manifest, "", selector, new Problems());
            boolean inKubeSystem = namespace.equals("kube-system") || namespace.isEmpty();
            boolean pods = true;
            for (LabelRequirement requirement : read.requirements()) {
                String key = requirement.key().replaceFirst("^(k8s|any):", "");
                if (key.equals(NAMESPACE_KEY)) {
                    inKubeSystem = requirement.operator() == LabelRequirement.Operator.EXISTS
                            || requirement.operator() == LabelRequirement.Operator.IN
                            && requirement.values().contains("kube-system");
                } else {
                    pods &= new LabelSelector(List.of(new LabelRequirement(key, requirement.operator(),
                            requirement.values()))).matches(CLUSTER_DNS);
                }
            }
            if (inKubeSystem && pods) {
                return true;
            }
        }
        return false;
    }

    private static boolean lookupPort(JsonNode toPorts) {
        for (JsonNode rule : toPorts) {
            boolean port53 = false;
            for (JsonNode port : rule.path("ports")) {
                port53 |= port.path("port").asString("").equals("53");
            }
            if (port53 && answersEveryName(rule.path("rules").path("dns"))) {
                return true;
            }
        }
        return false;
    }
}
