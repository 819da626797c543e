package dev.kordon.samples.guardrails;

import static dev.kordon.samples.guardrails.TenantWorkloads.API;
import static dev.kordon.samples.guardrails.TenantWorkloads.CACHE;
import static dev.kordon.samples.guardrails.TenantWorkloads.POSTGRES;
import static dev.kordon.samples.guardrails.TenantWorkloads.WEB;
import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.anyPodIn;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.Probes.ip;

import dev.kordon.testing.KordonTest;
import dev.kordon.testing.Reachability;
import dev.kordon.testing.ReachabilityTest;

/**
 * The platform's guardrails with the tenants' application policies beneath them, on every target whose cluster-wide
 * rules have tiers and on the intent: the Admin tier wins over every application allow, DNS works everywhere, and
 * the Baseline tier yields to the applications' own policies.
 */
@KordonTest(policies = {PlatformGuardrails.class, TenantAPolicies.class, TenantBPolicies.class}, cluster = "k8s/",
        targets = {"kubernetes+cnp", "kubernetes+cnp+istio", "kubernetes+anp", "kubernetes+anp+istio", "calico",
                "calico+istio"})
class GuardrailsNetworkTest {

    private static final String METADATA_SERVER = "169.254.169.254";

    @ReachabilityTest
    void no_application_reaches_the_metadata_server_even_when_it_allows_it(Reachability net) {
        // tenant-a's read-instance-credentials allows TCP 80 to the metadata server; block-metadata-server wins
        assertThat(net).denies(from(WEB).to(ip(METADATA_SERVER)).port(80),
                from(WEB).to(ip(METADATA_SERVER)).port(443),
                from(anyPodIn("sandbox")).to(ip(METADATA_SERVER)).port(80),
                from(anyPodIn("kube-system")).to(ip(METADATA_SERVER)).port(80));
    }

    @ReachabilityTest
    void tenants_cannot_reach_each_other_even_when_both_allow_it(Reachability net) {
        // tenant-a's call-tenant-b-api and tenant-b's accept-tenant-a agree; the tenant guardrails win
        assertThat(net).denies(from(WEB).to(API).port(8080),
                from(API).to(WEB).port(8080),
                from(POSTGRES).to(CACHE).port(6379));
    }

    @ReachabilityTest
    void sensitive_ports_stay_closed_between_pods_even_within_a_namespace(Reachability net) {
        // tenant-b's allow-api-to-postgres and ssh-for-debugging; deny-sensitive-ports wins
        assertThat(net).denies(from(API).to(POSTGRES).port(5432),
                from(POSTGRES).to(API).port(22),
                from(anyPodIn("sandbox")).to(API).port(22));
    }

    @ReachabilityTest
    void every_pod_resolves_names_although_no_tenant_allows_dns(Reachability net) {
        // allow-dns, an Admin allow, decides before the tenants' isolation
        assertThat(net).allows(from(WEB).to("kube-system/coredns").udp(53),
                from(CACHE).to("kube-system/coredns").tcp(53),
                from(API).to("kube-system/coredns").udp(53),
                from(POSTGRES).to("kube-system/coredns").udp(53),
                from(anyPodIn("sandbox")).to("kube-system/coredns").udp(53));
        // and the cluster DNS reaches its upstream resolvers: the baseline leaves kube-system out
        assertThat(net).allows(from("kube-system/coredns").to(ip("192.0.2.53")).udp(53));
    }

    @ReachabilityTest
    void the_baseline_closes_the_world_only_to_pods_whose_team_says_nothing(Reachability net) {
        // the sandbox declares no policy: baseline-deny-egress-to-world decides
        assertThat(net).denies(from(anyPodIn("sandbox")).to(ip("198.51.100.7")).port(443));
        // tenant-a isolates its pods and allows the payment provider: the application tier decides, not the baseline
        assertThat(net).allows(from(WEB).to(ip("198.51.100.7")).port(443));
    }

    @ReachabilityTest
    void what_the_guardrails_leave_to_the_applications_works(Reachability net) {
        assertThat(net).allows(from(ip("203.0.113.7")).to(WEB).port(8080), from(WEB).to(CACHE).port(6379));
        assertThat(net.workload(CACHE)).isIsolated();
        assertThat(net.workload(POSTGRES)).isIsolated();
    }

    @ReachabilityTest(targets = {"kubernetes+cnp", "kubernetes+cnp+istio", "kubernetes+anp", "kubernetes+anp+istio",
            "calico", "calico+istio"})
    void the_baseline_written_as_all_addresses_also_closes_the_cluster_to_silent_pods(Reachability net) {
        // baseline-deny-egress-to-world accepted WORLD_AS_ALL_ADDRESSES: these targets write the world as
        // 0.0.0.0/0 and ::/0, which also match pods, so the sandbox reaches nothing in the cluster but DNS
        assertThat(net).denies(from(anyPodIn("sandbox")).to("kube-system/coredns").port(443));
    }

    @ReachabilityTest
    void every_target_renders_the_intent_faithfully(Reachability net) {
        // exact where the fidelity report says so; the baseline deny of the world only narrower, as reported
        assertThat(net).isFaithfullyRendered();
    }

    @ReachabilityTest(targets = "intent")
    void on_the_intent_the_baseline_closes_only_the_world(Reachability net) {
        assertThat(net).allows(from(anyPodIn("sandbox")).to("kube-system/coredns").port(443));
    }
}
