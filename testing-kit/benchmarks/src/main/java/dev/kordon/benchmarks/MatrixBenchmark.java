package dev.kordon.benchmarks;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.analysis.ConnectivityMatrix;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full connectivity matrix ({@link ConnectivityMatrix#analyse}) of a loaded simulator on the k8s-netpol-scale
 * MEDIUM shape, 20 pods per namespace: every workload to every workload and external interval, and every external
 * interval to every workload, each on every port interval of TCP, UDP and SCTP and ICMP. One shot per iteration;
 * the setup and the end of each iteration print the shape of the matrix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class MatrixBenchmark {

    /** Namespaces of 20 pods: 1k, 5k, 10k and 20k pods. */
    @Param({"50", "250", "500", "1000"})
    public int namespaces;

    @Param({"20"})
    public int podsPerNamespace;

    @Param({"42"})
    public long seed;

    /** Tenants of the cluster-wide {@link Guardrails} (0: NetworkPolicies only, the kube-burner workload). */
    @Param({"0"})
    public int tenants;

    private NetpolScaleGenerator.Workload workload;
    private Simulator simulator;
    private ConnectivityMatrix last;

    @Setup(Level.Trial)
    public void setUp() {
        workload = NetpolScaleGenerator.generate(ScaleProfile.medium(namespaces, podsPerNamespace),
                new Guardrails(tenants), seed);
        simulator = Simulator.build(workload.cluster(), workload.policies(), EnforcementProfile.generic());
    }

    /** Every pair of workloads and external intervals, every port interval and protocol. */
    @Benchmark
    public ConnectivityMatrix matrix() {
        last = null;
        last = ConnectivityMatrix.analyse(simulator, workload.policies());
        return last;
    }

    @TearDown(Level.Iteration)
    public void shape() {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%n# matrix: %d x %d peers, %d pairs allowed, per rule: %s, heap used after: %d MiB%n",
                last.sources().size(), last.destinations().size(), last.pairs(), last.perRule(),
                (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }
}
