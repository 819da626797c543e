package dev.kordon.benchmarks;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import dev.kordon.simulator.analysis.Boundaries;
import dev.kordon.simulator.analysis.Connectivity;
import dev.kordon.simulator.net.Ipv4Intervals;
import dev.kordon.simulator.analysis.PortRange;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The simulator on the k8s-netpol-scale MEDIUM shape, 20 pods per namespace: loading (reading the YAML and building
 * the simulator), one {@code decide}, and one pair of the connectivity matrix (every port interval of TCP, UDP and
 * SCTP, then ICMP, as {@link Connectivity#analyse} probes each pair). The whole matrix is the pair cost times the
 * pair count, which the setup prints; {@link MatrixBenchmark} runs the real analysis on small clusters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SimulatorBenchmark {

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
    private List<Flow> flows;
    private List<Endpoint[]> pairs;
    private List<PortRange> intervals;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        workload = NetpolScaleGenerator.generate(ScaleProfile.medium(namespaces, podsPerNamespace),
                new Guardrails(tenants), seed);
        simulator = Simulator.build(workload.cluster(), workload.policies(), EnforcementProfile.generic());
        Random random = new Random(seed);
        List<Pod> pods = workload.cluster().pods();
        flows = new ArrayList<>();
        pairs = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            Endpoint from = new Endpoint.OfPod(pods.get(random.nextInt(pods.size())));
            Endpoint to = new Endpoint.OfPod(pods.get(random.nextInt(pods.size())));
            int port = random.nextBoolean() ? 8080 + random.nextInt(20) : 9000 + random.nextInt(200);
            flows.add(Flow.of(from, to, Transport.TCP, port));
            pairs.add(new Endpoint[] {from, to});
        }
        intervals = Boundaries.portIntervals(Boundaries.portStarts(workload.policies(), pods));
        long workloads = Connectivity.workloads(pods).size();
        long sources = Ipv4Intervals.split(Boundaries.cidrs(workload.policies(), "ingress")).size();
        long destinations = Ipv4Intervals.split(Boundaries.cidrs(workload.policies(), "egress")).size();
        long matrixPairs = workloads * (workloads - 1) + workloads * destinations + sources * workloads;
        System.out.printf("%n# shape: %d pods, %d policies, %d workloads, %d port intervals, %d external sources,"
                + " %d external destinations: %d pairs in the matrix, %d decides each%n", pods.size(),
                workload.policies().size(), workloads, intervals.size(), sources, destinations, matrixPairs,
                3 * intervals.size() + 1);
    }

    /** Reading the generated YAML and building the simulator from it. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Simulator load() {
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read("k8s-netpol-scale.yaml", workload.yaml(), problems);
        return Simulator.build(workload.cluster(), manifests, EnforcementProfile.generic());
    }

    /** Building the simulator from manifests already read. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Simulator build() {
        return Simulator.build(workload.cluster(), workload.policies(), EnforcementProfile.generic());
    }

    /** One decide on a loaded simulator, for a random pod pair and policy port. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Verdict decide() {
        Flow flow = flows.get(next);
        next = (next + 1) & 1023;
        return simulator.decide(flow);
    }

    /** One pair of the connectivity matrix: every port interval of TCP, UDP and SCTP, and ICMP. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void matrixPair(Blackhole blackhole) {
        Endpoint[] pair = pairs.get(next);
        next = (next + 1) & 1023;
        for (Transport transport : List.of(Transport.TCP, Transport.UDP, Transport.SCTP)) {
            for (PortRange interval : intervals) {
                blackhole.consume(simulator.decide(Flow.of(pair[0], pair[1], transport, interval.from())).allowed());
            }
        }
        blackhole.consume(simulator.decide(Flow.icmp(pair[0], pair[1], Transport.ICMP, 8)).allowed());
    }
}
