package dev.kordon.samples.boutique;

import static dev.kordon.samples.boutique.BoutiqueWorkloads.*;
import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.Probes.ip;
import static dev.kordon.testing.Probes.to;

import dev.kordon.generators.Fidelity;
import dev.kordon.testing.KordonTest;
import dev.kordon.testing.Probe;
import dev.kordon.testing.Reachability;
import dev.kordon.testing.ReachabilityTest;
import java.util.ArrayList;
import java.util.List;

/**
 * The boutique's least privilege, proven on every target and on the intent: each call of the demo's call graph is
 * allowed on the callee's port, and each service allows nothing else in or out but name resolution. The expected
 * call graph is written out here, service by service, independently of {@link BoutiquePolicies}.
 */
@KordonTest(policies = BoutiquePolicies.class, cluster = "k8s/")
class BoutiqueNetworkTest {

    /** A shopper's address outside the cluster. */
    private static final String SHOPPER = "203.0.113.7";

    @ReachabilityTest
    void every_call_of_the_call_graph_is_allowed_on_its_port(Reachability net) {
        assertThat(net).allows(
                from(ip(SHOPPER)).to(FRONTEND).port(8080),
                from(LOADGENERATOR).to(FRONTEND).port(8080),
                from(FRONTEND).to(AD).port(9555),
                from(FRONTEND).to(CART).port(7070),
                from(FRONTEND).to(CHECKOUT).port(5050),
                from(FRONTEND).to(CURRENCY).port(7000),
                from(FRONTEND).to(PRODUCT_CATALOG).port(3550),
                from(FRONTEND).to(RECOMMENDATION).port(8080),
                from(FRONTEND).to(SHIPPING).port(50051),
                from(CHECKOUT).to(CART).port(7070),
                from(CHECKOUT).to(CURRENCY).port(7000),
                from(CHECKOUT).to(EMAIL).port(8080),
                from(CHECKOUT).to(PAYMENT).port(50051),
                from(CHECKOUT).to(PRODUCT_CATALOG).port(3550),
                from(CHECKOUT).to(SHIPPING).port(50051),
                from(RECOMMENDATION).to(PRODUCT_CATALOG).port(3550),
                from(CART).to(REDIS).port(6379));
    }

    @ReachabilityTest
    void the_services_at_the_edge_of_the_graph_serve_their_callers_only(Reachability net) {
        assertThat(net.workload(AD)).allowsOnly(withDns(from(FRONTEND).port(9555)));
        assertThat(net.workload(EMAIL)).allowsOnly(withDns(from(CHECKOUT).port(8080)));
        assertThat(net.workload(PAYMENT)).allowsOnly(withDns(from(CHECKOUT).port(50051)));
        assertThat(net.workload(CURRENCY)).allowsOnly(withDns(from(FRONTEND).port(7000), from(CHECKOUT).port(7000)));
        assertThat(net.workload(SHIPPING)).allowsOnly(withDns(from(FRONTEND).port(50051),
                from(CHECKOUT).port(50051)));
        assertThat(net.workload(PRODUCT_CATALOG)).allowsOnly(withDns(from(FRONTEND).port(3550),
                from(CHECKOUT).port(3550), from(RECOMMENDATION).port(3550)));
        assertThat(net.workload(REDIS)).allowsOnly(withDns(from(CART).port(6379)));
    }

    @ReachabilityTest
    void the_services_in_the_middle_call_only_what_they_need(Reachability net) {
        assertThat(net.workload(CART)).allowsOnly(withDns(from(FRONTEND).port(7070), from(CHECKOUT).port(7070),
                to(REDIS).port(6379)));
        assertThat(net.workload(RECOMMENDATION)).allowsOnly(withDns(from(FRONTEND).port(8080),
                to(PRODUCT_CATALOG).port(3550)));
        assertThat(net.workload(CHECKOUT)).allowsOnly(withDns(from(FRONTEND).port(5050), to(CART).port(7070),
                to(CURRENCY).port(7000), to(EMAIL).port(8080), to(PAYMENT).port(50051),
                to(PRODUCT_CATALOG).port(3550), to(SHIPPING).port(50051)));
        assertThat(net.workload(LOADGENERATOR)).allowsOnly(withDns(to(FRONTEND).port(8080)));
    }

    @ReachabilityTest(targets = {"cilium", "cilium+istio", "intent"})
    void the_frontend_serves_shoppers_and_the_load_generator_and_calls_seven_services(Reachability net) {
        assertThat(net.workload(FRONTEND)).allowsOnly(withDns(from(ip(SHOPPER)).port(8080),
                from(LOADGENERATOR).port(8080), to(AD).port(9555), to(CART).port(7070), to(CHECKOUT).port(5050),
                to(CURRENCY).port(7000), to(PRODUCT_CATALOG).port(3550), to(RECOMMENDATION).port(8080),
                to(SHIPPING).port(50051)));
    }

    @ReachabilityTest
    void no_service_but_the_frontend_is_reachable_from_outside_the_graph(Reachability net) {
        for (var service : List.of(AD, CART, CHECKOUT, CURRENCY, EMAIL, PAYMENT, PRODUCT_CATALOG, RECOMMENDATION,
                SHIPPING, REDIS, LOADGENERATOR)) {
            assertThat(net.workload(service)).isIsolated();
        }
    }

    @ReachabilityTest
    void shortcuts_through_the_graph_are_denied(Reachability net) {
        assertThat(net).denies(
                from(FRONTEND).to(REDIS).port(6379),
                from(FRONTEND).to(PAYMENT).port(50051),
                from(FRONTEND).to(EMAIL).port(8080),
                from(LOADGENERATOR).to(CHECKOUT).port(5050),
                from(RECOMMENDATION).to(CART).port(7070),
                from(ip(SHOPPER)).to(CHECKOUT).port(5050));
    }

    @ReachabilityTest(targets = {"cilium", "cilium+istio"})
    void cilium_matches_the_world_exactly(Reachability net) {
        assertThat(net).fidelity().isExact();
    }

    @ReachabilityTest(targets = {"kubernetes", "kubernetes+istio", "kubernetes+cnp", "kubernetes+cnp+istio",
            "kubernetes+anp", "kubernetes+anp+istio", "calico", "calico+istio"})
    void other_targets_widen_only_the_world_to_all_addresses(Reachability net) {
        // "The world" is written as 0.0.0.0/0 and ::/0, which also matches pods: the cluster DNS, not isolated for
        // egress, can then reach the frontend on 8080. The intent accepted that; nothing else is widened.
        assertThat(net).fidelity().reports("allow-world-to-frontend", Fidelity.WIDENED);
        assertThat(net).allows(from("kube-system/coredns").to(FRONTEND).port(8080));
    }

    @ReachabilityTest
    void the_target_means_what_the_intent_means(Reachability net) {
        assertThat(net).isFaithfullyRendered();
    }

    /** The probes, plus name resolution through the cluster DNS over UDP and TCP. */
    private static Probe[] withDns(Probe... probes) {
        List<Probe> all = new ArrayList<>(List.of(probes));
        all.add(to("kube-system/coredns").udp(53));
        all.add(to("kube-system/coredns").tcp(53));
        return all.toArray(Probe[]::new);
    }
}
