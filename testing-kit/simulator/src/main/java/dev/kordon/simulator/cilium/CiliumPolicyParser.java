package dev.kordon.simulator.cilium;

import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy ({@code spec} and/or {@code specs}) into the entries
 * the agent would import, rejecting what the agent rejects [CIL-API] {@code rule.go}, {@code rule_validation.go};
 * namespaces are injected as [CIL-K8SUTIL] {@code ParseToCiliumRule} does.
 */
final class CiliumPolicyParser {

    static final String CNP = "cilium.io/v2/CiliumNetworkPolicy";
    static final String CCNP = "cilium.io/v2/CiliumClusterwideNetworkPolicy";
    private static final List<String> SECTIONS = List.of("ingress", "ingressDeny", "egress", "egressDeny");

    private final Manifest manifest;
    private final int order;
    private final ManifestFields fields;
    private final SelectorParser selectors;
    private final RuleItemParser items;

    CiliumPolicyParser(Manifest manifest, int order, Problems problems) {
        this.manifest = manifest;
        this.order = order;
        this.fields = new ManifestFields(manifest, problems);
        this.selectors = new SelectorParser(fields);
        this.items = new RuleItemParser(fields);
    }

    /** Every entry of the policy. */
    List<PolicyEntry> parse() {
        JsonNode body = manifest.body();
        // "description" at the top level is no field of the CRD; the API server prunes it (the Cilium docs' Star
        // Wars example carries one), so it has no effect on enforcement.
        fields.known("", body, Set.of("apiVersion", "kind", "metadata", "spec", "specs", "status", "description"));
        boolean clusterwide = manifest.type().equals(CCNP);
        String namespace = clusterwide ? "" : manifest.namespace().isEmpty() ? "default" : manifest.namespace();
        List<PolicyEntry> entries = new ArrayList<>();
        boolean any = false;
        if (fields.isMap("spec", body.path("spec"))) {
            entries.addAll(rule("spec", body.path("spec"), namespace));
            any = true;
        }
        List<JsonNode> specs = fields.list("specs", body.path("specs"));
        for (int i = 0; i < specs.size(); i++) {
            if (fields.isMap("specs[" + i + "]", specs.get(i))) {
                entries.addAll(rule("specs[" + i + "]", specs.get(i), namespace));
                any = true;
            }
        }
        if (!any) {
            fields.problem("spec", "is missing (and so is specs)", "give the rule in spec, or rules in specs");
        }
        return entries;
    }

    private List<PolicyEntry> rule(String path, JsonNode node, String namespace) {
        fields.known(path, node, Set.of("endpointSelector", "nodeSelector", "ingress", "ingressDeny", "egress",
                "egressDeny", "labels", "description", "enableDefaultDeny", "log"));
        Optional<EndpointSelector> subject = subject(path, node, namespace);
        boolean matchesInit = subject.map(s -> s.requirements().stream()
                .anyMatch(r -> r.source().equals("reserved") && r.key().equals("init"))).orElse(false);
        JsonNode defaults = node.path("enableDefaultDeny");
        if (fields.isMap(path + ".enableDefaultDeny", defaults)) {
            fields.known(path + ".enableDefaultDeny", defaults, Set.of("ingress", "egress"));
        }
        boolean ingress = fields.bool(path + ".enableDefaultDeny.ingress", defaults.path("ingress")).orElse(true);
        boolean egress = fields.bool(path + ".enableDefaultDeny.egress", defaults.path("egress")).orElse(true);
        fields.list(path + ".labels", node.path("labels"));
        fields.string(path + ".description", node.path("description"));
        if (fields.isMap(path + ".log", node.path("log"))) {
            fields.known(path + ".log", node.path("log"), Set.of("value"));
        }
        List<PolicyEntry> entries = new ArrayList<>();
        boolean hasRules = false;
        for (String section : SECTIONS) {
            List<JsonNode> list = fields.list(path + "." + section, node.path(section));
            hasRules |= !list.isEmpty();
            if (subject.isEmpty()) {
                continue;
            }
            RuleItemParser.Context context = new RuleItemParser.Context(manifest.describe(), order, namespace,
                    subject.get(), matchesInit, ingress, egress);
            Direction direction = section.startsWith("ingress") ? Direction.INGRESS : Direction.EGRESS;
            for (int i = 0; i < list.size(); i++) {
                entries.add(items.parse(context, path + "." + section + "[" + i + "]", i, list.get(i), direction,
                        section.endsWith("Deny")));
            }
        }
        if (!hasRules) {
            fields.problem(path, "has no rules: the agent rejects a rule without at least one non-empty ingress,"
                    + " ingressDeny, egress or egressDeny", "add rules; to deny all ingress write ingress: [{}]");
        }
        return entries;
    }

    private Optional<EndpointSelector> subject(String path, JsonNode node, String namespace) {
        boolean endpoints = ManifestFields.present(node.path("endpointSelector"));
        if (ManifestFields.present(node.path("nodeSelector"))) {
            fields.unsupported(path + ".nodeSelector", "host policies (they need the host firewall)");
            return Optional.empty();
        }
        if (!endpoints) {
            fields.problem(path + ".endpointSelector", "is missing", "select the endpoints the rule applies to,"
                    + " e.g. endpointSelector: {} for all");
            return Optional.empty();
        }
        EndpointSelector written = selectors.cilium(path + ".endpointSelector", node.path("endpointSelector"));
        return Optional.of(namespace.isEmpty() ? written : SelectorParser.cnpSubject(written, namespace));
    }
}
