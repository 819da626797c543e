package dev.kordon.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.analysis.ConnectivityMatrix;
import dev.kordon.simulator.engine.CniEngine;
import dev.kordon.simulator.engine.Engines;
import dev.kordon.simulator.input.Problems;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On small clusters of the k8s-netpol-scale shape, with and without the cluster-wide {@link Guardrails}, the
 * connectivity matrix computed per rule equals the one decided flow by flow (the same engine, behind a wrapper that
 * only decides flows), for several draws.
 */
class PerRuleMatrixScaleTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void the_matrix_per_rule_equals_the_matrix_flow_by_flow(long seed) {
        same_matrix_both_ways(NetpolScaleGenerator.generate(new ScaleProfile(3, 4, 2, 2, 2, 2, 2, 2, 2, 2), seed));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void the_matrix_per_rule_equals_the_matrix_flow_by_flow_with_cluster_wide_guardrails(long seed) {
        same_matrix_both_ways(NetpolScaleGenerator.generate(new ScaleProfile(4, 4, 1, 2, 2, 2, 2, 2, 2, 2),
                new Guardrails(2), seed));
    }

    private static void same_matrix_both_ways(NetpolScaleGenerator.Workload workload) {
        // given
        EnforcementProfile profile = EnforcementProfile.generic();
        Simulator perRule = Simulator.build(workload.cluster(), workload.policies(), profile);
        Problems problems = new Problems();
        CniEngine engine = Engines.cni(profile.cni()).create(workload.cluster(), workload.policies(), profile,
                problems);
        problems.throwIfAny();
        Simulator flowByFlow = Simulator.of(workload.cluster(), profile, new FlowByFlow(engine), Optional.empty());

        // when
        ConnectivityMatrix fast = ConnectivityMatrix.analyse(perRule, workload.policies());
        ConnectivityMatrix slow = ConnectivityMatrix.analyse(flowByFlow, workload.policies());

        // then
        assertThat(fast.perRule()).isTrue();
        assertThat(slow.perRule()).isFalse();
        assertThat(fast.pairs()).isPositive();
        assertThat(fast.connections()).containsExactlyElementsOf(slow.connections());
    }

    /** An engine that only decides flows, so that the matrix must be computed flow by flow. */
    private record FlowByFlow(CniEngine engine) implements CniEngine {

        @Override
        public Decision egress(Flow flow) {
            return engine.egress(flow);
        }

        @Override
        public Decision ingress(Flow flow) {
            return engine.ingress(flow);
        }
    }
}
