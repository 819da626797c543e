package dev.kordon.testing;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.FidelityReport;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Verdict;
import dev.kordon.simulator.analysis.Connectivity;
import dev.kordon.simulator.cluster.Cluster;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who can reach whom under one target: the simulated enforcement of that target's generated manifests (or of
 * hand-written manifests under an enforcement profile), or the intent's own reference semantics. What a
 * {@link ReachabilityTest} method receives; check it with {@link KordonAssertions#assertThat(Reachability)}.
 *
 * <p>Decisions are pure and the expensive parts (generation, parsing, the connectivity matrix) are computed once
 * per test run and shared by every test of the class.
 */
public final class Reachability {

    /** The name of the invocation that runs on the intent's reference semantics. */
    public static final String INTENT = "intent";

    private final String target;
    private final Simulator simulator;
    private final FidelityReport fidelity;
    private final Supplier<Connectivity> connectivity;
    private final Environment environment;

    Reachability(String target, Simulator simulator, FidelityReport fidelity, Supplier<Connectivity> connectivity,
            Environment environment) {
        this.target = Objects.requireNonNull(target, "target");
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.fidelity = fidelity;
        this.connectivity = connectivity;
        this.environment = environment;
    }

    /**
     * The reachability of a simulator built elsewhere (no policy sets, no fidelity report), for tests that do not
     * use the extension; the connectivity matrix cuts ports and addresses at the boundaries of these manifests.
     */
    public static Reachability of(String name, Simulator simulator,
            List<dev.kordon.simulator.input.Manifest> manifests) {
        List<dev.kordon.simulator.input.Manifest> copy = List.copyOf(manifests);
        return new Reachability(name, simulator, null, Memo.of(() -> Connectivity.analyse(simulator, copy)), null);
    }

    /** The target this is for: a generator target id, an enforcement profile's name, or {@value #INTENT}. */
    public String target() {
        return target;
    }

    /**
     * The target as failure messages name it: with the {@link KordonTest} profile options that apply to it,
     * {@code calico (calicoHttpPrefixes = "raw")}.
     */
    String described() {
        return environment == null ? target : environment.describe(this);
    }

    /** The cluster the flows run in. */
    public Cluster cluster() {
        return simulator.cluster();
    }

    /** The simulator behind these verdicts. */
    public Simulator simulator() {
        return simulator;
    }

    /** The policy sets under test; empty when manifests are tested without the DSL. */
    public List<PolicySet> policySets() {
        return environment == null ? List.of() : environment.policySets();
    }

    /**
     * The fidelity report of this target for the policy sets: what it enforces exactly, and what it narrows or
     * widens. The intent renders itself exactly (an empty report); manifests tested without the DSL have none.
     */
    public Optional<FidelityReport> fidelity() {
        return Optional.ofNullable(fidelity);
    }

    /** The verdict on one flow, with the chain that decided it. */
    public Verdict decide(Flow flow) {
        return simulator.decide(flow);
    }

    /**
     * The verdict on every flow the probe stands for.
     *
     * @throws IllegalArgumentException when the probe names something the cluster does not have, or has no port
     */
    public List<Verdict> verdicts(Probe probe) {
        return new Resolver(cluster()).flows(probe).stream().map(simulator::decide).toList();
    }

    /** Every allowed connection between the workloads and external address ranges (computed once, on first use). */
    public Connectivity connectivity() {
        return connectivity.get();
    }

    /** One workload of the cluster, for assertions about everything to and from it. */
    public WorkloadView workload(Workload workload) {
        return new WorkloadView(this, Endpoints.workload(workload));
    }

    /** One workload of the cluster by {@code namespace/name}, for assertions about everything to and from it. */
    public WorkloadView workload(String namespaceSlashName) {
        return new WorkloadView(this, Endpoints.named(namespaceSlashName));
    }

    /**
     * The reachability of another target of the same test class, e.g. {@value #INTENT}, which the extension builds
     * (or reuses) on demand.
     *
     * @throws IllegalStateException when this reachability did not come from the extension
     */
    public Reachability on(String otherTarget) {
        if (environment == null) {
            throw new IllegalStateException("this Reachability was built by hand; only the ones a @KordonTest passes"
                    + " in know the other targets");
        }
        return environment.reachability(otherTarget);
    }

    Optional<Environment> environment() {
        return Optional.ofNullable(environment);
    }

    @Override
    public String toString() {
        return target;
    }
}
