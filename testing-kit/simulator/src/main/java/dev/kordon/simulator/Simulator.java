package dev.kordon.simulator;

import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.engine.Allowances;
import dev.kordon.simulator.engine.CniEngine;
import dev.kordon.simulator.engine.EngineFactory;
import dev.kordon.simulator.engine.Engines;
import dev.kordon.simulator.engine.MatrixProbes;
import dev.kordon.simulator.engine.MeshEngine;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides flows in a cluster the way its enforcement would: egress at the source, ingress at the destination (both
 * by the CNI), then the mesh at the destination; a flow passes only when every one of them permits it. A pure
 * function of the cluster, the manifests and the profile: build once, decide many flows.
 *
 * <pre>{@code
 * Simulator simulator = Simulator.build(cluster, manifests, EnforcementProfile.generic());
 * Verdict verdict = simulator.decide(Flow.of(from, to, Transport.TCP, 8080));
 * System.out.println(verdict.explain());
 * }</pre>
 */
public final class Simulator {

    private final Cluster cluster;
    private final EnforcementProfile profile;
    private final CniEngine cni;
    private final MeshEngine mesh;

    private Simulator(Cluster cluster, EnforcementProfile profile, CniEngine cni, MeshEngine mesh) {
        this.cluster = cluster;
        this.profile = profile;
        this.cni = cni;
        this.mesh = mesh;
    }

    /**
     * A simulator for the manifests in force in the cluster.
     *
     * @throws InputException listing every manifest that cannot be used: unknown kinds for this profile, unknown or
     *                        invalid fields, each with its file, object and field
     */
    public static Simulator build(Cluster cluster, List<Manifest> manifests, EnforcementProfile profile) {
        Objects.requireNonNull(cluster, "cluster");
        Problems problems = new Problems();
        EngineFactory<CniEngine> cniFactory = Engines.cni(profile.cni());
        Optional<EngineFactory<MeshEngine>> meshFactory = Engines.mesh(profile.mesh());
        Set<String> known = new TreeSet<>(cniFactory.types());
        meshFactory.ifPresent(factory -> known.addAll(factory.types()));
        for (Manifest manifest : manifests) {
            if (!known.contains(manifest.type())) {
                problems.add(manifest, "", "is not enforced in a cluster with " + profile.cni() + " and mesh "
                        + profile.mesh() + " (" + manifest.type() + ")", known.isEmpty()
                        ? "choose another profile" : "choose the profile of the cluster that enforces it, or remove"
                        + " it; this profile reads " + String.join(", ", known));
            }
        }
        List<Manifest> forCni = manifests.stream().filter(m -> cniFactory.types().contains(m.type())).toList();
        CniEngine cni = cniFactory.create(cluster, forCni, profile, problems);
        MeshEngine mesh = meshFactory.map(factory -> factory.create(cluster,
                manifests.stream().filter(m -> factory.types().contains(m.type())).toList(), profile, problems))
                .orElse(null);
        problems.throwIfAny();
        return new Simulator(cluster, profile, cni, mesh);
    }

    /**
     * A simulator over engines built elsewhere, for composing a backend's engine with another in tests; the mesh
     * engine may be absent.
     */
    public static Simulator of(Cluster cluster, EnforcementProfile profile, CniEngine cni,
            Optional<MeshEngine> mesh) {
        return new Simulator(Objects.requireNonNull(cluster, "cluster"), Objects.requireNonNull(profile, "profile"),
                Objects.requireNonNull(cni, "cni"), mesh.orElse(null));
    }

    /** The cluster this simulator decides flows in. */
    public Cluster cluster() {
        return cluster;
    }

    /** What enforces policy here. */
    public EnforcementProfile profile() {
        return profile;
    }

    /**
     * What the CNI allows in one direction for every probe at once, stated per rule, when that is exact for this
     * simulator: the CNI's engine can state its policies so, and no mesh decides as well. Empty otherwise.
     */
    public Optional<Allowances> allowances(MatrixProbes probes, Allowances.Direction direction) {
        return mesh == null ? cni.allowances(probes, direction) : Optional.empty();
    }

    /** Whether the flow is allowed, with every step that decided it. */
    public Verdict decide(Flow flow) {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(cni.egress(flow));
        decisions.add(cni.ingress(flow));
        if (mesh != null) {
            decisions.add(mesh.authorize(flow));
        }
        boolean allowed = decisions.stream().allMatch(Decision::permits);
        boolean ambiguous = decisions.stream().anyMatch(d -> d.outcome() == Decision.Outcome.AMBIGUOUS);
        List<Step> steps = new ArrayList<>();
        decisions.forEach(decision -> steps.addAll(decision.steps()));
        return new Verdict(flow, allowed, ambiguous, steps);
    }
}
