package dev.kordon.benchmarks;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.analysis.Connectivity;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full connectivity matrix ({@link Connectivity#analyse}) of a loaded simulator, on clusters small enough for it
 * to finish: the k8s-netpol-scale MEDIUM shape with few pods per namespace. One shot per iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class MatrixBenchmark {

    @Param({"1", "2"})
    public int namespaces;

    @Param({"10"})
    public int podsPerNamespace;

    @Param({"42"})
    public long seed;

    private NetpolScaleGenerator.Workload workload;
    private Simulator simulator;

    @Setup(Level.Trial)
    public void setUp() {
        workload = NetpolScaleGenerator.generate(ScaleProfile.medium(namespaces, podsPerNamespace), seed);
        simulator = Simulator.build(workload.cluster(), workload.policies(), EnforcementProfile.generic());
    }

    /** Every pair of workloads and external intervals, every port interval and protocol. */
    @Benchmark
    public Connectivity analyse() {
        return Connectivity.analyse(simulator, workload.policies());
    }
}
