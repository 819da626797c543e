package dev.kordon.simulator.cilium;

import dev.kordon.dsl.Cidr;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Kubernetes NetworkPolicy and translates it as Cilium does [CIL-PARSE] {@code network_policy.go}: allow
 * entries with default deny; a pod selector peer is confined to the policy's namespace, a namespace selector
 * selects by {@code io.cilium.k8s.namespace.labels.*}; an ipBlock is a CIDR rule (which does not match cluster
 * endpoints); an empty or missing {@code from}/{@code to} matches every peer; no ingress rules with Ingress in
 * policyTypes (or Egress not in it) deny all ingress; no egress rules with Egress in policyTypes deny all egress.
 */
final class KubernetesPolicyParser {

    static final String NP = "networking.k8s.io/v1/NetworkPolicy";

    private final Manifest manifest;
    private final int order;
    private final ManifestFields fields;
    private final SelectorParser selectors;
    private final PortParser ports;
    private final String namespace;

    KubernetesPolicyParser(Manifest manifest, int order, Problems problems) {
        this.manifest = manifest;
        this.order = order;
        this.fields = new ManifestFields(manifest, problems);
        this.selectors = new SelectorParser(fields);
        this.ports = new PortParser(fields);
        this.namespace = manifest.namespace().isEmpty() ? "default" : manifest.namespace();
    }

    /** Every entry of the policy. */
    List<PolicyEntry> parse() {
        fields.known("", manifest.body(), Set.of("apiVersion", "kind", "metadata", "spec"));
        JsonNode spec = manifest.body().path("spec");
        if (!fields.isMap("spec", spec)) {
            fields.problem("spec", "is missing", "give the policy a spec");
            return List.of();
        }
        fields.known("spec", spec, Set.of("podSelector", "policyTypes", "ingress", "egress"));
        EndpointSelector subject = selectors.kubernetes("spec.podSelector", spec.path("podSelector"), "")
                .and(Requirement.added("k8s", Identities.NAMESPACE, namespace,
                        "added by Cilium: a NetworkPolicy applies in its own namespace"));
        List<JsonNode> ingress = fields.list("spec.ingress", spec.path("ingress"));
        List<JsonNode> egress = fields.list("spec.egress", spec.path("egress"));
        Set<String> types = policyTypes(spec, egress);
        List<PolicyEntry> entries = new ArrayList<>();
        for (int i = 0; i < ingress.size(); i++) {
            entries.add(rule(subject, "spec.ingress[" + i + "]", i, ingress.get(i), Direction.INGRESS));
        }
        for (int i = 0; i < egress.size(); i++) {
            entries.add(rule(subject, "spec.egress[" + i + "]", i, egress.get(i), Direction.EGRESS));
        }
        if (ingress.isEmpty() && (types.contains("Ingress") || !types.contains("Egress"))) {
            entries.add(denyAll(subject, Direction.INGRESS));
        }
        if (egress.isEmpty() && types.contains("Egress")) {
            entries.add(denyAll(subject, Direction.EGRESS));
        }
        return entries;
    }

    /** The policy types, defaulted as the API server does: Ingress, plus Egress when there are egress rules. */
    private Set<String> policyTypes(JsonNode spec, List<JsonNode> egress) {
        Optional<List<String>> written = fields.stringsIfPresent("spec.policyTypes", spec.path("policyTypes"));
        if (written.isEmpty() || written.get().isEmpty()) {
            return egress.isEmpty() ? Set.of("Ingress") : Set.of("Ingress", "Egress");
        }
        for (String type : written.get()) {
            if (!type.equals("Ingress") && !type.equals("Egress")) {
                fields.problem("spec.policyTypes", "has " + type + ", not Ingress or Egress", "use Ingress, Egress");
            }
        }
        return Set.copyOf(written.get());
    }

    private PolicyEntry denyAll(EndpointSelector subject, Direction direction) {
        String note = "no " + direction + " rules with " + (direction == Direction.INGRESS ? "Ingress" : "Egress")
                + " in policyTypes: Cilium adds an empty " + direction + " rule, which allows nothing";
        return new PolicyEntry(manifest.describe(), order, "spec." + direction, 0, direction, false, true, subject,
                Optional.of(List.of()), List.of(), false, note);
    }

    private PolicyEntry rule(EndpointSelector subject, String path, int index, JsonNode node, Direction direction) {
        String peersField = direction == Direction.INGRESS ? "from" : "to";
        fields.known(path, node, Set.of(peersField, "ports"));
        List<JsonNode> peerNodes = fields.list(path + "." + peersField, node.path(peersField));
        List<Peer> peers = new ArrayList<>();
        if (peerNodes.isEmpty()) {
            peers.add(new Peer.Endpoints(peersField + " (empty: every peer)", EndpointSelector.ALL));
        }
        for (int i = 0; i < peerNodes.size(); i++) {
            peer(path, peersField + "[" + i + "]", peerNodes.get(i)).ifPresent(peers::add);
        }
        List<PortRule> l4 = new ArrayList<>();
        List<JsonNode> portNodes = fields.list(path + ".ports", node.path("ports"));
        for (int i = 0; i < portNodes.size(); i++) {
            String at = "ports[" + i + "]";
            ports.kubernetes(path + "." + at, portNodes.get(i))
                    .ifPresent(port -> l4.add(new PortRule(at, List.of(port), Optional.empty())));
        }
        return new PolicyEntry(manifest.describe(), order, path, index, direction, false, true, subject,
                Optional.of(peers), l4, false, "");
    }

    private Optional<Peer> peer(String path, String at, JsonNode node) {
        String full = path + "." + at;
        fields.known(full, node, Set.of("podSelector", "namespaceSelector", "ipBlock"));
        boolean pods = fields.isMap(full + ".podSelector", node.path("podSelector"));
        boolean namespaces = fields.isMap(full + ".namespaceSelector", node.path("namespaceSelector"));
        boolean block = fields.isMap(full + ".ipBlock", node.path("ipBlock"));
        if (block && (pods || namespaces)) {
            fields.problem(full, "combines ipBlock with a selector", "write them as separate peers");
            return Optional.empty();
        }
        if (block) {
            return ipBlock(full + ".ipBlock", at, node.path("ipBlock"));
        }
        if (!pods && !namespaces) {
            fields.problem(full, "selects nothing", "set podSelector, namespaceSelector or ipBlock");
            return Optional.empty();
        }
        EndpointSelector selector = pods ? selectors.kubernetes(full + ".podSelector", node.path("podSelector"), "")
                : EndpointSelector.ALL;
        if (!namespaces) {
            return Optional.of(new Peer.Endpoints(at, selector.and(Requirement.added("k8s", Identities.NAMESPACE,
                    namespace, "added by Cilium: a podSelector peer selects the policy's namespace"))));
        }
        EndpointSelector byNamespace = selectors.kubernetes(full + ".namespaceSelector",
                node.path("namespaceSelector"), Identities.NAMESPACE_LABELS);
        if (byNamespace.requirements().isEmpty()) {
            byNamespace = byNamespace.and(Requirement.addedExists("k8s", Identities.NAMESPACE,
                    "namespaceSelector {}: pods of every namespace"));
        }
        for (Requirement requirement : selector.requirements()) {
            byNamespace = byNamespace.and(requirement);
        }
        return Optional.of(new Peer.Endpoints(at, byNamespace));
    }

    private Optional<Peer> ipBlock(String path, String at, JsonNode node) {
        fields.known(path, node, Set.of("cidr", "except"));
        Optional<Cidr> cidr = fields.string(path + ".cidr", node.path("cidr")).map(Cidr::of);
        if (cidr.isEmpty() || !cidr.get().isValid()) {
            fields.problem(path + ".cidr", "is missing or not a CIDR with no bits set after the prefix: "
                    + node.path("cidr"), "write it like 10.0.0.0/8");
            return Optional.empty();
        }
        List<Cidr> except = new ArrayList<>();
        List<String> texts = fields.strings(path + ".except", node.path("except"));
        for (int i = 0; i < texts.size(); i++) {
            Cidr each = Cidr.of(texts.get(i));
            boolean strict = each.isValid() && cidr.get().contains(each)
                    && each.prefixLength().orElse(0) > cidr.get().prefixLength().orElse(0);
            if (!strict) {
                fields.problem(path + ".except[" + i + "]", "is not a CIDR strictly inside " + cidr.get() + ": "
                        + texts.get(i), "except must be a smaller network inside cidr");
                continue;
            }
            except.add(each);
        }
        return Optional.of(new Peer.CidrSet(at, cidr.get(), except));
    }
}
