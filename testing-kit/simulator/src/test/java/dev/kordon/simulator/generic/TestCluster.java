package dev.kordon.simulator.generic;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.engine.CniEngine;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import dev.kordon.simulator.verify.CaseReader;
import java.util.List;

/**
 * A small cluster for the generic engine's tests: namespaces x, y, z; nodes n1 (172.18.0.2) and n2 (172.18.0.3);
 * pods x/a, x/b (on n1), y/a, y/b, z/c (on n2), each with container ports web (TCP/80) and dns (UDP/53); and the
 * host-network pod x/h on n1.
 */
final class TestCluster {

    static final Cluster CLUSTER = new CaseReader().read("cluster.yaml", """
            cluster:
              namespaces:
              - {name: x, labels: {kubernetes.io/metadata.name: x, team: a}}
              - {name: y, labels: {kubernetes.io/metadata.name: y, team: b}}
              - {name: z, labels: {kubernetes.io/metadata.name: z}}
              nodes:
              - {name: n1, labels: {kubernetes.io/os: linux, zone: one}, ip: 172.18.0.2}
              - {name: n2, labels: {kubernetes.io/os: linux, zone: two}, ip: 172.18.0.3}
              pods:
              - {namespace: x, name: a, labels: {app: a}, ip: 10.0.1.1, node: n1, ports: [{name: web, port: 80, protocol: TCP}, {name: dns, port: 53, protocol: UDP}]}
              - {namespace: x, name: b, labels: {app: b}, ip: 10.0.1.2, node: n1, ports: [{name: web, port: 80, protocol: TCP}, {name: dns, port: 53, protocol: UDP}]}
              - {namespace: y, name: a, labels: {app: a}, ip: 10.0.2.1, node: n2, ports: [{name: web, port: 8080, protocol: TCP}, {name: dns, port: 53, protocol: UDP}]}
              - {namespace: y, name: b, labels: {app: b}, ip: 10.0.2.2, node: n2, ports: [{name: web, port: 80, protocol: TCP}, {name: dns, port: 53, protocol: UDP}]}
              - {namespace: z, name: c, labels: {app: c}, ip: 10.0.3.1, node: n2, ports: [{name: web, port: 80, protocol: TCP}]}
              - {namespace: x, name: h, labels: {app: h}, hostNetwork: true, node: n1, ports: [{name: web, port: 9000, protocol: TCP}]}
            """).cluster();

    private TestCluster() {
    }

    /** The manifests of a multi-document YAML text. */
    static List<Manifest> manifests(String yaml) {
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read("policies.yaml", yaml, problems);
        problems.throwIfAny();
        return manifests;
    }

    /** A simulator of the generic profile for these policies. */
    static Simulator simulator(String yaml) {
        return simulator(yaml, EnforcementProfile.generic());
    }

    /** A simulator of a profile for these policies. */
    static Simulator simulator(String yaml, EnforcementProfile profile) {
        return Simulator.build(CLUSTER, manifests(yaml), profile);
    }

    /** The problems the generic engine reports for these policies. */
    static List<String> problems(String yaml) {
        Problems problems = new Problems();
        new GenericEngineFactory().create(CLUSTER, manifests(yaml), EnforcementProfile.generic(), problems);
        return problems.all().stream().map(Object::toString).toList();
    }

    /** The engine for these policies, built even when they have problems. */
    static CniEngine engineDespiteProblems(String yaml) {
        return new GenericEngineFactory().create(CLUSTER, manifests(yaml), EnforcementProfile.generic(),
                new Problems());
    }

    /** A pod, a node ({@code node:n1}) or an outside address ({@code ip:1.2.3.4}, {@code fqdn:name@1.2.3.4}). */
    static Endpoint endpoint(String text) {
        if (text.startsWith("node:")) {
            return new Endpoint.OfNode(CLUSTER.node(text.substring(5)).orElseThrow());
        }
        if (text.startsWith("ip:")) {
            return new Endpoint.External(text.substring(3), "");
        }
        if (text.startsWith("fqdn:")) {
            String[] parts = text.substring(5).split("@");
            return new Endpoint.External(parts[1], parts[0]);
        }
        return new Endpoint.OfPod(CLUSTER.pod(text).orElseThrow());
    }

    /** A flow on a port. */
    static Flow flow(String from, String to, Transport transport, int port) {
        return transport.hasPorts() ? Flow.of(endpoint(from), endpoint(to), transport, port)
                : Flow.icmp(endpoint(from), endpoint(to), transport, port);
    }

    /** The verdict of a TCP flow. */
    static Verdict tcp(Simulator simulator, String from, String to, int port) {
        return simulator.decide(flow(from, to, Transport.TCP, port));
    }

    /** The steps of a decision, one line each. */
    static List<String> lines(Decision decision) {
        return decision.steps().stream().map(Object::toString).toList();
    }

    /** The steps of a verdict, one line each. */
    static List<String> lines(Verdict verdict) {
        return verdict.steps().stream().map(Object::toString).toList();
    }
}
