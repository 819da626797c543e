package dev.kordon.simulator.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.HeaderMatch;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.FidelityEntry;
import dev.kordon.generators.FidelityReport;
import dev.kordon.generators.Generation;
import dev.kordon.generators.Generator;
import dev.kordon.generators.Target;
import dev.kordon.generators.Targets;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.cluster.SyntheticAddresses;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential tests: each policy set is generated for every target that can enforce it, the manifests are read back
 * and simulated with that target's enforcement profile, and the simulated verdicts are compared with
 * {@link ReferenceSemantics} over a grid of probes. Where the fidelity report has no entry for the intents involved
 * in a flow (see {@link ProbeGrid#involved}), the verdicts must be equal; where those entries all go one way, the difference
 * may only go that way (widened: the simulation allows a superset; narrowed: a subset); mixed entries are not
 * compared.
 */
class DifferentialTest {

    @TestFactory
    Stream<DynamicTest> onlineBoutique() {
        return perTarget("online-boutique", PolicySets::onlineBoutique);
    }

    @TestFactory
    Stream<DynamicTest> productCard() {
        return perTarget("product-card", PolicySets::productCard);
    }

    @TestFactory
    Stream<DynamicTest> productCardWithDowngrades() {
        return perTarget("product-card-downgrades", PolicySets::productCardWithDowngrades);
    }

    @TestFactory
    Stream<DynamicTest> small() {
        return perTarget("small", PolicySets::small);
    }

    @TestFactory
    Stream<DynamicTest> smallForCilium() {
        return perTarget("small-cilium", PolicySets::smallForCilium);
    }

    @TestFactory
    Stream<DynamicTest> smallWithoutDeny() {
        return perTarget("small-no-deny", PolicySets::smallWithoutDeny);
    }

    private static Stream<DynamicTest> perTarget(String label, Supplier<PolicySet> sets) {
        PolicySet set = sets.get();
        Generator generator = new Generator();
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : Targets.ids()) {
            Target target = Targets.parse(id);
            FidelityReport report = generator.assess(List.of(set), target);
            if (!report.isAcceptable()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(label + " on " + id, () -> compare(label, generator, set, target, report)));
        }
        assertThat(tests).as("targets that can enforce %s", label).isNotEmpty();
        return tests.stream();
    }

    static void compare(String label, Generator generator, PolicySet set, Target target, FidelityReport report) {
        Cluster cluster = ProbeGrid.clusterOf(List.of(set));
        Generation generation = generator.generate(List.of(set), target);
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read(target.id() + ".yaml", generation.stream(), problems);
        problems.throwIfAny();
        Simulator simulator = Simulator.build(cluster, manifests, EnforcementProfile.forTarget(target.id()));
        ReferenceSemantics reference = ReferenceSemantics.of(cluster, set);

        List<String> disagreements = new ArrayList<>();
        int probes = 0;
        int exact = 0;
        for (Flow flow : ProbeGrid.probes(cluster, List.of(set))) {
            if (KnownDisagreements.skip(target.id(), flow)) {
                continue;
            }
            probes++;
            Set<String> involved = ProbeGrid.involved(reference, List.of(set), flow);
            Set<Fidelity> directions = EnumSet.noneOf(Fidelity.class);
            report.entries().stream().filter(entry -> involved.contains(entry.intent()))
                    .map(FidelityEntry::fidelity).forEach(directions::add);
            if (directions.isEmpty()) {
                exact++;
            }
            Verdict expected = reference.decide(flow);
            Verdict simulated = simulator.decide(flow);
            boolean ok;
            if (directions.isEmpty()) {
                ok = expected.allowed() == simulated.allowed() && !simulated.ambiguous();
            } else if (directions.equals(EnumSet.of(Fidelity.WIDENED))) {
                ok = !expected.allowed() || simulated.allowed();
            } else if (directions.equals(EnumSet.of(Fidelity.NARROWED))) {
                ok = expected.allowed() || !simulated.allowed();
            } else {
                ok = true;
            }
            if (!ok) {
                disagreements.add("fidelity of the intents involved " + (directions.isEmpty() ? "exact"
                        : directions.toString()) + "\nreference:\n  " + expected.explain().replace("\n", "\n  ") + "\nsimulated ("
                        + target.id() + "):\n  " + simulated.explain().replace("\n", "\n  "));
            }
        }
        System.out.println("differential " + label + " on " + target.id() + ": " + probes + " probes ("
                + exact + " compared for equality), " + disagreements.size() + " disagreements");
        assertThat(disagreements).as("disagreements between the reference and %s (report: %s)", target.id(),
                report.text()).isEmpty();
    }
}
