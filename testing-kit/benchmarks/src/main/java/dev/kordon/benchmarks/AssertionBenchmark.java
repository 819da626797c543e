package dev.kordon.benchmarks;

import static dev.kordon.samples.shop.ShopWorkloads.BACKEND;
import static dev.kordon.samples.shop.ShopWorkloads.DATABASE;
import static dev.kordon.samples.shop.ShopWorkloads.FRONTEND;
import static dev.kordon.testing.Probes.anyPodIn;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.Probes.ip;

import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Generator;
import dev.kordon.generators.Targets;
import dev.kordon.samples.shop.ShopPolicies;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import dev.kordon.simulator.reference.ProbeGrid;
import dev.kordon.testing.KordonAssertions;
import dev.kordon.testing.Probe;
import dev.kordon.testing.Reachability;
import java.util.List;
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
 * 1,000 reachability assertions of the testing kit on the shop sample, after warm-up, on a loaded target: what a test
 * class with many checks pays once the extension has cached the generated manifests and the simulator (which it does
 * per run). Each invocation runs 500 {@code allows} and 500 {@code denies}, cycling through ten probes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AssertionBenchmark {

    @Param({"cilium", "kubernetes+istio", "intent"})
    public String target;

    private Reachability net;
    private List<Probe> allowed;
    private List<Probe> denied;

    @Setup(Level.Trial)
    public void setUp() {
        List<PolicySet> sets = new ShopPolicies().policySets();
        Cluster cluster = ProbeGrid.clusterOf(sets);
        if (target.equals(Reachability.INTENT)) {
            dev.kordon.simulator.reference.ReferenceSemantics reference =
                    dev.kordon.simulator.reference.ReferenceSemantics.of(cluster, sets);
            net = Reachability.of(target, Simulator.of(cluster, EnforcementProfile.generic(), reference.asEngine(),
                    java.util.Optional.empty()), List.of());
        } else {
            Problems problems = new Problems();
            List<Manifest> manifests = new ManifestReader().read(target + ".yaml",
                    new Generator().generate(sets, Targets.parse(target)).stream(), problems);
            problems.throwIfAny();
            net = Reachability.of(target, Simulator.build(cluster, manifests, EnforcementProfile.forTarget(target)),
                    manifests);
        }
        allowed = List.of(from(FRONTEND).to(BACKEND).get("/api/users").port(8080),
                from(FRONTEND).to(BACKEND).post("/api/orders").port(8080),
                from(BACKEND).to(DATABASE).port(5432),
                from(ip("203.0.113.7")).to(FRONTEND).port(8080),
                from(BACKEND).to(ip("198.51.100.7")).port(443));
        denied = List.of(from(FRONTEND).to(BACKEND).post("/api/users").port(8080),
                from(FRONTEND).to(DATABASE).port(5432),
                from(anyPodIn("kube-system")).to(DATABASE).port(5432),
                from(ip("203.0.113.7")).to(BACKEND).port(8080),
                from(DATABASE).to(ip("198.51.100.7")).port(443));
    }

    /** 1,000 assertions: 500 allows and 500 denies. */
    @Benchmark
    public Reachability thousandAssertions() {
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 5; j++) {
                KordonAssertions.assertThat(net).allows(allowed.get(j));
                KordonAssertions.assertThat(net).denies(denied.get(j));
            }
        }
        return net;
    }
}
