package dev.kordon.generators.cnp;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.PolicySet;

/** A platform team's guardrails, shared by the ClusterNetworkPolicy and AdminNetworkPolicy tests. */
public final class GuardrailFixtures {

    private GuardrailFixtures() {
    }

    /**
     * Admin: no pod reaches the cloud metadata server; no pod reaches another on SSH, RDP or PostgreSQL; tenant a never
     * reaches tenant b; monitoring's scrapes are left to the teams (pass). Baseline, every pod as subject: kube-system
     * passes, monitoring may scrape, SMTP out is denied, and other pod-to-pod ingress is denied.
     */
    public static PolicySet platformGuardrails() {
        return policySet("platform").owner("platform-team").intents(
                guardrail("block-cloud-metadata").admin(10).deny()
                        .egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic()),
                guardrail("block-ssh-rdp-postgres").admin(20).deny()
                        .ingressTo(allPods()).from(allPods()).on(tcp(22), tcp(3389), tcp(5432)),
                guardrail("tenant-a-not-to-tenant-b").admin(30).deny()
                        .egressFrom(namespaces(labels("tenant", "a"))).to(namespaces(labels("tenant", "b")))
                        .on(anyTraffic()),
                guardrail("monitoring-decided-by-teams").admin(5).pass()
                        .ingressTo(allPods()).from(namespace("monitoring")).on(tcp(9090)),
                guardrail("baseline-pass-kube-system").baseline(50).pass()
                        .ingressTo(allPods()).from(namespace("kube-system")).on(anyTraffic()),
                guardrail("baseline-allow-monitoring").baseline(100).allow()
                        .ingressTo(allPods()).from(namespace("monitoring")).on(tcp(9090)),
                guardrail("baseline-deny-smtp-out").baseline(200).deny()
                        .egressFrom(allPods()).to(world()).on(tcp(25), tcp(587))
                        .accepting(Downgrade.WORLD_AS_ALL_ADDRESSES),
                guardrail("baseline-deny-pod-ingress").baseline(1000).deny()
                        .ingressTo(allPods()).from(allPods()).on(anyTraffic()))
                .build();
    }
}
