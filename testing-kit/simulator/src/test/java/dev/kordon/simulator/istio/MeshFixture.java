package dev.kordon.simulator.istio;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.engine.MeshEngine;
import dev.kordon.simulator.input.InputProblem;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A small meshed cluster for the istio engine's tests: pods by {@code ns/name}, manifests as YAML text, and flows
 * decided by the engine alone.
 */
final class MeshFixture {

    private final List<Namespace> namespaces = new ArrayList<>();
    private final List<Pod> pods = new ArrayList<>();
    private MeshEngine engine;

    static MeshFixture cluster() {
        return new MeshFixture();
    }

    /** A pod {@code ns/name} with service account {@code name} and labels {@code k=v}. */
    MeshFixture pod(String id, String ip, String... labels) {
        return podAs(id, ip, id.substring(id.indexOf('/') + 1), labels);
    }

    /** A pod with an explicit service account. */
    MeshFixture podAs(String id, String ip, String serviceAccount, String... labels) {
        String[] parts = id.split("/");
        pods.add(new Pod(parts[0], parts[1], map(labels), ip, List.of(), serviceAccount, false, "", "", Map.of()));
        return this;
    }

    /** A host-network pod. */
    MeshFixture hostNetworkPod(String id, String ip) {
        String[] parts = id.split("/");
        pods.add(new Pod(parts[0], parts[1], new TreeMap<>(), ip, List.of(), "default", true, "node-1", "", Map.of()));
        return this;
    }

    MeshFixture namespace(String name, String... labels) {
        TreeMap<String, String> all = map(labels);
        all.put("kubernetes.io/metadata.name", name);
        namespaces.add(new Namespace(name, all));
        return this;
    }

    /** Builds the engine over the manifests; fails on any input problem. */
    MeshFixture with(String yaml) {
        Problems problems = new Problems();
        engine = create(yaml, problems);
        problems.throwIfAny();
        return this;
    }

    /** The input problems of the manifests. */
    List<InputProblem> problems(String yaml) {
        Problems problems = new Problems();
        create(yaml, problems);
        return problems.all();
    }

    private MeshEngine create(String yaml, Problems problems) {
        Cluster cluster = cluster(namespaces, pods);
        return new IstioEngineFactory().create(cluster, new ManifestReader().read("policies.yaml", yaml, problems),
                EnforcementProfile.of(EnforcementProfile.Cni.GENERIC, EnforcementProfile.Mesh.ISTIO), problems);
    }

    private static Cluster cluster(List<Namespace> namespaces, List<Pod> pods) {
        return new Cluster(namespaces, List.of(), pods, List.of());
    }

    /** The engine's decision for a flow. */
    Decision decide(Flow flow) {
        return engine.authorize(flow);
    }

    /** The reasons of the decision's steps, one a line, as {@code [tier] resource rule: outcome - reason}. */
    List<String> explain(Flow flow) {
        return decide(flow).steps().stream().map(Step::toString).toList();
    }

    Endpoint at(String id) {
        return new Endpoint.OfPod(pods.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow());
    }

    Flow tcp(String from, String to, int port) {
        return Flow.of(endpoint(from), at(to), Transport.TCP, port);
    }

    Flow http(String from, String to, int port, String method, String path) {
        return tcp(from, to, port).withHttp(new HttpRequest(method, path, "", Map.of(), Optional.empty()));
    }

    Flow http(String from, String to, int port, HttpRequest request) {
        return tcp(from, to, port).withHttp(request);
    }

    private Endpoint endpoint(String text) {
        return text.startsWith("ip:") ? new Endpoint.External(text.substring(3), "") : at(text);
    }

    static HttpRequest request(String method, String path, String host, Map<String, String> headers) {
        return new HttpRequest(method, path, host, headers, Optional.empty());
    }

    static HttpRequest withJwt(String path, String issuer, String subject, Map<String, Object> claims) {
        return new HttpRequest("GET", path, "", Map.of(), Optional.of(new HttpRequest.Jwt(issuer, subject, claims)));
    }

    private static TreeMap<String, String> map(String... labels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String label : labels) {
            map.put(label.substring(0, label.indexOf('=')), label.substring(label.indexOf('=') + 1));
        }
        return new TreeMap<>(map);
    }
}
