package dev.kordon.simulator.analysis;

import dev.kordon.simulator.analysis.IngressBackend.AnyPort;
import dev.kordon.simulator.analysis.IngressBackend.BackendPort;
import dev.kordon.simulator.analysis.IngressBackend.Origin;
import dev.kordon.simulator.analysis.IngressBackend.PortName;
import dev.kordon.simulator.analysis.IngressBackend.PortNumber;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the Services that Kubernetes Ingress ({@code networking.k8s.io/v1}) and OpenShift Route
 * ({@code route.openshift.io/v1}) objects send traffic to, as np-guard netpol-analyzer does
 * ({@code pkg/netpol/connlist/internal/ingressanalyzer}).
 *
 * <p>An Ingress: its {@code spec.defaultBackend.service} and each {@code spec.rules[].http.paths[].backend.service},
 * with {@code port.name} or else {@code port.number}. A Route: {@code spec.to} and each
 * {@code spec.alternateBackends[]} of kind Service (or no kind), all with the Route's {@code spec.port.targetPort}.
 * A backend without a Service (a resource backend, another kind) is skipped with a warning; one without a port stands
 * for every port of the Service.
 */
final class IngressBackends {

    /** The kinds read here. */
    static final Set<String> KINDS = Set.of("Ingress", "Route");

    private static final Set<String> TYPES = Set.of("networking.k8s.io/v1/Ingress", "route.openshift.io/v1/Route");

    private IngressBackends() {
    }

    /** The backends of every Ingress and Route among {@code manifests}, in input order; warnings go to warnings. */
    static List<IngressBackend> read(List<Manifest> manifests, Problems warnings) {
        List<IngressBackend> backends = new ArrayList<>();
        for (Manifest manifest : manifests) {
            if (!KINDS.contains(manifest.kind())) {
                continue;
            }
            if (!TYPES.contains(manifest.type())) {
                warnings.add(manifest, "apiVersion", "is not read: '" + manifest.apiVersion()
                        + "' (no {ingress-controller} line comes from it)",
                        "use networking.k8s.io/v1 for Ingress, route.openshift.io/v1 for Route");
            } else if (manifest.kind().equals("Ingress")) {
                ingress(manifest, backends, warnings);
            } else {
                route(manifest, backends, warnings);
            }
        }
        return List.copyOf(backends);
    }

    private static void ingress(Manifest manifest, List<IngressBackend> backends, Problems warnings) {
        JsonNode spec = manifest.body().path("spec");
        if (!spec.path("defaultBackend").isMissingNode()) {
            ingressBackend(manifest, spec.path("defaultBackend"), "spec.defaultBackend", backends, warnings);
        }
        int r = 0;
        for (JsonNode rule : spec.path("rules")) {
            int p = 0;
            for (JsonNode path : rule.path("http").path("paths")) {
                ingressBackend(manifest, path.path("backend"), "spec.rules[" + r + "].http.paths[" + p + "].backend",
                        backends, warnings);
                p++;
            }
            r++;
        }
    }

    private static void ingressBackend(Manifest manifest, JsonNode backend, String field,
            List<IngressBackend> backends, Problems warnings) {
        JsonNode service = backend.path("service");
        if (!service.isObject()) {
            warnings.add(manifest, field, "has no service (a resource backend is not analysed)",
                    "point the backend at a Service to get {ingress-controller} lines");
            return;
        }
        JsonNode port = service.path("port");
        String name = port.path("name").asString("");
        int number = port.path("number").asInt(0);
        BackendPort wanted = !name.isEmpty() ? new PortName(name) : number != 0 ? new PortNumber(number)
                : new AnyPort();
        if (wanted instanceof AnyPort) {
            warnings.add(manifest, field + ".service.port", "is missing: every port of Service "
                    + service.path("name").asString("") + " is taken, as netpol-analyzer does",
                    "give the backend a port number or name");
        }
        backends.add(new IngressBackend(new Origin(manifest.file(), manifest.describe(), field + ".service.name"),
                false, namespace(manifest), service.path("name").asString(""), wanted));
    }

    private static void route(Manifest manifest, List<IngressBackend> backends, Problems warnings) {
        JsonNode spec = manifest.body().path("spec");
        JsonNode target = spec.path("port").path("targetPort");
        BackendPort wanted = target.isIntegralNumber() && target.asInt() != 0 ? new PortNumber(target.asInt())
                : target.isString() && !target.asString().isEmpty() ? new PortName(target.asString()) : new AnyPort();
        routeBackend(manifest, spec.path("to"), "spec.to", wanted, backends, warnings);
        int i = 0;
        for (JsonNode alternate : spec.path("alternateBackends")) {
            routeBackend(manifest, alternate, "spec.alternateBackends[" + i++ + "]", wanted, backends, warnings);
        }
    }

    private static void routeBackend(Manifest manifest, JsonNode to, String field, BackendPort wanted,
            List<IngressBackend> backends, Problems warnings) {
        String kind = to.path("kind").asString("");
        if (!kind.isEmpty() && !kind.equals("Service")) {
            warnings.add(manifest, field + ".kind", "is not Service: '" + kind + "' (not analysed)",
                    "point the Route at a Service to get {ingress-controller} lines");
            return;
        }
        backends.add(new IngressBackend(new Origin(manifest.file(), manifest.describe(), field + ".name"), true,
                namespace(manifest), to.path("name").asString(""), wanted));
    }

    private static String namespace(Manifest manifest) {
        return manifest.namespace().isEmpty() ? "default" : manifest.namespace();
    }
}
