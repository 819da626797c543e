package dev.kordon.generators.calico;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;

/** Policy sets of the Calico tests beyond the shared fixtures. */
final class CalicoFixtures {

    static final Workload FRONTEND = workload("shop", "frontend", labels("app", "frontend"))
            .withServiceAccount("frontend");
    static final Workload BACKEND = workload("shop", "backend", labels("app", "backend"))
            .withServiceAccount("backend").withPort("http", tcp(8080));

    private CalicoFixtures() {
    }

    /** Every tier at once: admin guardrails (deny, audit, pass), a baseline deny, and the application tier's kinds. */
    static PolicySet platform() {
        return policySet("platform").owner("platform-team").intents(
                guardrail("block-cloud-metadata").admin(10).deny()
                        .egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic()),
                guardrail("audit-egress-to-world").admin(10).audit()
                        .egressFrom(allPods()).to(world()).on(anyTraffic())
                        .accepting(Downgrade.WORLD_AS_ALL_ADDRESSES),
                guardrail("monitoring-decided-by-teams").admin(5).pass()
                        .ingressTo(allPods()).from(namespace("monitoring")).on(tcp(9090)),
                guardrail("tenant-a-not-to-tenant-b").admin(30).deny()
                        .egressFrom(namespaces(labels("tenant", "a"))).to(namespaces(labels("tenant", "b")))
                        .on(anyTraffic()),
                guardrail("baseline-deny-cross-namespace").baseline(1000).deny()
                        .ingressTo(allPods()).from(allPods()).on(anyTraffic()),
                isolate(namespace("shop")).ingressAndEgress(),
                deny(FRONTEND).to(BACKEND).on(tcp(9090)),
                audit(FRONTEND).to(BACKEND).on(allTcpPorts()),
                allow(FRONTEND).to(BACKEND).on(tcp("http")))
                .build();
    }
}
