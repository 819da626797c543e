package dev.kordon.simulator.istio;

import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Reads a PeerAuthentication strictly ({@code selector}, {@code mtls.mode}, {@code portLevelMtls}). */
final class PeerAuthenticationParser {

    PeerAuthn parse(Manifest manifest, Problems problems) {
        Yaml yaml = new Yaml(manifest, problems);
        JsonNode spec = manifest.body().path("spec");
        yaml.map("spec", spec, "selector", "mtls", "portLevelMtls");
        SortedMap<String, String> selector = yaml.workloadSelector("spec.selector", spec.path("selector"));
        MtlsMode mode = mode(yaml, "spec.mtls", spec.path("mtls"));
        SortedMap<Integer, MtlsMode> ports = new TreeMap<>();
        JsonNode portLevel = spec.path("portLevelMtls");
        if (yaml.isMap("spec.portLevelMtls", portLevel)) {
            if (portLevel.isEmpty()) {
                yaml.problem("spec.portLevelMtls", "is empty", "remove it, or give at least one port");
            }
            if (selector.isEmpty()) {
                yaml.problem("spec.portLevelMtls", "is set on a namespace- or mesh-wide policy",
                        "select workloads with spec.selector to set port-level modes");
            }
            for (Map.Entry<String, JsonNode> entry : portLevel.properties()) {
                String path = Yaml.at("spec.portLevelMtls", entry.getKey());
                int port = entry.getKey().matches("[0-9]{1,5}") ? Integer.parseInt(entry.getKey()) : 0;
                if (port < 1 || port > 65535) {
                    yaml.problem(path, "is not a port from 1 to 65535: " + entry.getKey(), "key it by the workload port");
                    continue;
                }
                ports.put(port, mode(yaml, path, entry.getValue()));
            }
        }
        String created = manifest.body().path("metadata").path("creationTimestamp").asString("");
        return new PeerAuthn(yaml.resource(), yaml.namespace(), selector, mode, ports, created);
    }

    /** The {@code mode} of an mTLS map; UNSET when absent. */
    private static MtlsMode mode(Yaml yaml, String path, JsonNode node) {
        if (!yaml.map(path, node, "mode")) {
            return MtlsMode.UNSET;
        }
        String text = yaml.string(Yaml.at(path, "mode"), node.path("mode")).orElse("UNSET");
        for (MtlsMode mode : MtlsMode.values()) {
            if (mode.name().equals(text)) {
                return mode;
            }
        }
        yaml.problem(Yaml.at(path, "mode"), "is not an mTLS mode: '" + text + "'",
                "use UNSET, DISABLE, PERMISSIVE or STRICT");
        return MtlsMode.UNSET;
    }
}
