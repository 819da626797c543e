package dev.kordon.simulator.istio;

import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import tools.jackson.databind.JsonNode;

/**
 * Reads a DestinationRule strictly, keeping what decides identities: the host, visibility ({@code exportTo},
 * {@code workloadSelector}) and the client TLS modes. Load balancing, connection pools and the like do not change a
 * verdict and are not read further. Subsets are reached only through VirtualService routes, which this profile does
 * not read, so their traffic policies never apply.
 */
final class DestinationRuleParser {

    private static final String[] POLICY_FIELDS = {"loadBalancer", "connectionPool", "outlierDetection", "tls",
        "portLevelSettings", "tunnel", "proxyProtocol", "retryBudget"};

    DestinationRuleTls parse(Manifest manifest, Problems problems) {
        Yaml yaml = new Yaml(manifest, problems);
        JsonNode spec = manifest.body().path("spec");
        yaml.map("spec", spec, "host", "trafficPolicy", "subsets", "exportTo", "workloadSelector");
        String host = yaml.string("spec.host", spec.path("host")).orElse("");
        if (host.isEmpty()) {
            yaml.problem("spec.host", "is missing", "name the Service host, e.g. reviews or reviews.ns.svc.cluster.local");
        } else if (host.indexOf('*') > 0 || host.startsWith("*") && !host.equals("*") && !host.startsWith("*.")) {
            yaml.problem("spec.host", "has a wildcard that is not a leading '*.': " + host, "write e.g. *.ns.svc.cluster.local");
        }
        Set<String> exportTo = new LinkedHashSet<>();
        for (String entry : yaml.strings("spec.exportTo", spec.path("exportTo"))) {
            exportTo.add(entry.equals(".") ? yaml.namespace() : entry);
        }
        SortedMap<String, String> selector = yaml.workloadSelector("spec.workloadSelector", spec.path("workloadSelector"));
        JsonNode policy = spec.path("trafficPolicy");
        ClientTls tls = ClientTls.AUTO;
        List<ClientTls> portTls = new ArrayList<>();
        if (yaml.map("spec.trafficPolicy", policy, POLICY_FIELDS)) {
            tls = tls(yaml, "spec.trafficPolicy.tls", policy.path("tls"));
            List<JsonNode> ports = yaml.list("spec.trafficPolicy.portLevelSettings", policy.path("portLevelSettings"));
            for (int i = 0; i < ports.size(); i++) {
                String at = Yaml.at("spec.trafficPolicy.portLevelSettings", i);
                if (yaml.element(at, ports.get(i), "port", "loadBalancer", "connectionPool", "outlierDetection", "tls")
                        && Yaml.present(ports.get(i).path("tls"))) {
                    portTls.add(tls(yaml, Yaml.at(at, "tls"), ports.get(i).path("tls")));
                }
            }
        }
        subsets(yaml, spec.path("subsets"));
        return new DestinationRuleTls(yaml.resource(), yaml.namespace(),
                DestinationRuleTls.qualify(host, yaml.namespace()), exportTo, selector, tls, portTls);
    }

    /** {@code tls.mode}: AUTO when there is no {@code tls}; DISABLE (the API default) when it has no mode. */
    private static ClientTls tls(Yaml yaml, String path, JsonNode node) {
        if (!yaml.map(path, node, "mode", "clientCertificate", "privateKey", "caCertificates", "credentialName",
                "subjectAltNames", "sni", "insecureSkipVerify", "caCrl")) {
            return ClientTls.AUTO;
        }
        String mode = yaml.string(Yaml.at(path, "mode"), node.path("mode")).orElse("DISABLE");
        for (ClientTls value : ClientTls.values()) {
            if (value != ClientTls.AUTO && value.name().equals(mode)) {
                return value;
            }
        }
        yaml.problem(Yaml.at(path, "mode"), "is not a TLS mode: '" + mode + "'",
                "use DISABLE, SIMPLE, MUTUAL or ISTIO_MUTUAL");
        return ClientTls.AUTO;
    }

    private static void subsets(Yaml yaml, JsonNode node) {
        List<JsonNode> subsets = yaml.list("spec.subsets", node);
        for (int i = 0; i < subsets.size(); i++) {
            String at = Yaml.at("spec.subsets", i);
            if (yaml.element(at, subsets.get(i), "name", "labels", "trafficPolicy")) {
                yaml.stringMap(Yaml.at(at, "labels"), subsets.get(i).path("labels"));
                JsonNode policy = subsets.get(i).path("trafficPolicy");
                if (yaml.map(Yaml.at(at, "trafficPolicy"), policy, POLICY_FIELDS)) {
                    tls(yaml, Yaml.at(at, "trafficPolicy.tls"), policy.path("tls"));
                }
            }
        }
    }
}
