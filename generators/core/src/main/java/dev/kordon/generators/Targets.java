package dev.kordon.generators;

import dev.kordon.generators.anp.AdminNetworkPolicyBackend;
import dev.kordon.generators.calico.CalicoBackend;
import dev.kordon.generators.cilium.CiliumBackend;
import dev.kordon.generators.cnp.ClusterNetworkPolicyBackend;
import dev.kordon.generators.istio.IstioBackend;
import dev.kordon.generators.kubernetes.NetworkPolicyBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of targets: every id a user can name, and the layers behind it. Adding a backend means adding its
 * package and a line here.
 */
public final class Targets {

    private static final String ISTIO = "+istio";

    private Targets() {
    }

    private static Map<String, List<Layer>> cniTargets() {
        Map<String, List<Layer>> targets = new LinkedHashMap<>();
        Backend networkPolicy = new NetworkPolicyBackend();
        targets.put("kubernetes", List.of(new Layer(networkPolicy, Scope.ALL, Role.COMPLETE)));
        targets.put("kubernetes+cnp", List.of(new Layer(networkPolicy, Scope.APPLICATION, Role.COMPLETE),
                new Layer(new ClusterNetworkPolicyBackend(), Scope.GUARDRAILS, Role.COMPLETE)));
        targets.put("kubernetes+anp", List.of(new Layer(networkPolicy, Scope.APPLICATION, Role.COMPLETE),
                new Layer(new AdminNetworkPolicyBackend(), Scope.GUARDRAILS, Role.COMPLETE)));
        targets.put("calico", List.of(new Layer(new CalicoBackend(), Scope.ALL, Role.COMPLETE)));
        targets.put("cilium", List.of(new Layer(new CiliumBackend(), Scope.ALL, Role.COMPLETE)));
        return targets;
    }

    /** Every target id, CNI targets first, each followed by its {@code +istio} form. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (String cni : cniTargets().keySet()) {
            ids.add(cni);
            ids.add(cni + ISTIO);
        }
        return ids;
    }

    /**
     * The target with this id.
     *
     * @throws IllegalArgumentException naming the unknown id and every known one
     */
    public static Target parse(String id) {
        Map<String, List<Layer>> cnis = cniTargets();
        boolean mesh = id.endsWith(ISTIO);
        String cni = mesh ? id.substring(0, id.length() - ISTIO.length()) : id;
        List<Layer> layers = cnis.get(cni);
        if (layers == null) {
            throw new IllegalArgumentException("unknown target '" + id + "'; known targets: " + String.join(", ", ids()));
        }
        if (!mesh) {
            return new Target(id, layers);
        }
        List<Layer> stacked = new ArrayList<>();
        for (Layer layer : layers) {
            stacked.add(new Layer(layer.backend(), layer.scope(), Role.TRANSPORT));
        }
        stacked.add(new Layer(new IstioBackend(), Scope.ALL, Role.MESH));
        return new Target(id, stacked);
    }

    /** Every target. */
    public static List<Target> all() {
        List<Target> all = new ArrayList<>();
        for (String id : ids()) {
            all.add(parse(id));
        }
        return all;
    }
}
