package dev.kordon.simulator.analysis;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.cluster.ClusterReader;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads manifests (files or directories) into a simulator and analyses their connectivity.
 *
 * <p>Kinds that have no effect on pod-to-pod or pod-to-external connectivity under policy are skipped by the policy
 * engines: {@link #IGNORED_KINDS} (ingress controllers, routes, RBAC, config, nodes, netpol-analyzer's own
 * SerializedReference). Services are read by the cluster reader and have no effect on policy either. Ingress and Route
 * objects, with the Services they name, give the list's {@code {ingress-controller}} lines (see
 * {@link IngressController}). Every other kind must be read by the profile's engines: a policy kind is never ignored.
 */
public final class ConnectivityInput {

    /** Kinds read and dropped, because they carry no connectivity: ingress, routes, RBAC, config and nodes. */
    public static final Set<String> IGNORED_KINDS = Set.of("Ingress", "IngressClass", "Route", "Role", "RoleBinding",
            "ClusterRole", "ClusterRoleBinding", "ConfigMap", "Secret", "Node", "SerializedReference", "Endpoints",
            "EndpointSlice");

    private ConnectivityInput() {
    }

    /**
     * The connectivity of the manifests under the profile.
     *
     * @throws InputException with every problem: files that cannot be read, objects no engine of the profile reads,
     *                        invalid fields
     */
    public static Connectivity analyse(List<Path> paths, EnforcementProfile profile) {
        Problems problems = new Problems();
        Read read = readAll(paths, problems);
        problems.throwIfAny();
        Simulator simulator = Simulator.build(read.split().cluster(), read.split().policies(), profile);
        return read.withIngressController(Connectivity.analyse(simulator, read.split().policies()), profile);
    }

    /** The cluster and policies of the manifests, adding every problem to {@code problems}. */
    static ClusterReader.Split read(List<Path> paths, Problems problems) {
        return readAll(paths, problems).split();
    }

    /** The manifests read, adding every problem to {@code problems}, and their cluster and policies. */
    static Read readAll(List<Path> paths, Problems problems) {
        List<Manifest> manifests = new ManifestReader().read(paths, problems);
        return new Read(manifests, split(manifests, problems));
    }

    /**
     * Manifests as read (Ingress and Route objects included) and the cluster and policies among them.
     *
     * @param manifests every object read
     * @param split     the cluster and the policies
     */
    record Read(List<Manifest> manifests, ClusterReader.Split split) {

        /** The connectivity with the {@code {ingress-controller}} lines of these manifests and their warnings. */
        Connectivity withIngressController(Connectivity connectivity, EnforcementProfile profile) {
            Problems warnings = new Problems();
            List<Connection> ingress = new IngressController(split.cluster(), split.policies(), profile)
                    .connections(IngressBackends.read(manifests, warnings), warnings);
            return connectivity.withIngressController(ingress, warnings.all());
        }
    }

    private static ClusterReader.Split split(List<Manifest> read, Problems problems) {
        List<Manifest> manifests = read.stream().filter(manifest -> !IGNORED_KINDS.contains(manifest.kind())).toList();
        Map<String, Manifest> seen = new HashMap<>();
        for (Manifest manifest : manifests) {
            String key = manifest.kind() + " " + manifest.namespace() + "/" + manifest.name();
            Manifest first = seen.putIfAbsent(key, manifest);
            if (first != null) {
                problems.add(manifest, "metadata.name", "duplicates " + manifest.describe() + " of " + first.file()
                        + " (document " + first.document() + ")", "give each object its own name, or remove one");
            }
        }
        return new ClusterReader().read(manifests, problems);
    }
}
