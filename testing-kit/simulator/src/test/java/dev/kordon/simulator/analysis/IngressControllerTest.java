package dev.kordon.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.input.InputProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** netpol-analyzer's {@code {ingress-controller}} lines: Ingress and Route backends through Services to workloads. */
class IngressControllerTest {

    private static final String WORKLOAD = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]
            """;

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: http}, {name: metrics, port: 9090}]
            """;

    private static final String INGRESS = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: shop}
            spec:
              rules:
              - http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: web, port: {number: 80}}}
            """;

    @TempDir
    Path dir;

    @Test
    void named_target_port_is_resolved_to_the_pods_container_port() throws IOException {
        // given a Service port 80 whose targetPort is the container port named http (8080)
        Connectivity connectivity = analyse(WORKLOAD, SERVICE, INGRESS);

        // then the controller reaches the pod on 8080, not on the Service's port 80
        assertThat(ingressLines(connectivity))
                .containsExactly("{ingress-controller} => shop/web[Deployment] : TCP 8080");
        assertThat(connectivity.warnings()).isEmpty();
    }

    @Test
    void backend_by_port_name_picks_that_service_port_only() throws IOException {
        // given an Ingress asking for the Service port named metrics (no targetPort: the port itself, 9090)
        Connectivity connectivity = analyse(WORKLOAD, SERVICE, INGRESS.replace("{number: 80}", "{name: metrics}"));

        // then only 9090 is listed
        assertThat(ingressLines(connectivity))
                .containsExactly("{ingress-controller} => shop/web[Deployment] : TCP 9090");
    }

    @Test
    void backend_without_port_takes_every_service_port_with_a_warning() throws IOException {
        // given a default backend without a port
        String ingress = """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shop, namespace: shop}
                spec:
                  defaultBackend: {service: {name: web}}
                """;
        Connectivity connectivity = analyse(WORKLOAD, SERVICE, ingress);

        // then every Service port's target is listed, and the missing field is named
        assertThat(ingressLines(connectivity))
                .containsExactly("{ingress-controller} => shop/web[Deployment] : TCP 8080,9090");
        assertThat(connectivity.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.object()).isEqualTo("Ingress shop/shop");
            assertThat(warning.field()).isEqualTo("spec.defaultBackend.service.port");
        });
    }

    @Test
    void service_port_that_matches_no_backend_port_gives_no_line() throws IOException {
        // given an Ingress asking for a Service port the Service does not have
        Connectivity connectivity = analyse(WORKLOAD, SERVICE, INGRESS.replace("{number: 80}", "{number: 81}"));

        // then nothing is listed for the controller, and the warning says why
        assertThat(ingressLines(connectivity)).isEmpty();
        assertThat(connectivity.warnings()).singleElement().satisfies(warning -> assertThat(warning.message())
                .contains("shop/web[Deployment]", "no container port"));
    }

    @Test
    void service_without_selector_gives_no_line_and_a_warning() throws IOException {
        // given a Service without selector (its endpoints are managed outside Kubernetes)
        Connectivity connectivity = analyse(WORKLOAD, SERVICE.replace("  selector: {app: web}\n", ""), INGRESS);

        // then the backend is skipped, naming the field and the Service
        assertThat(ingressLines(connectivity)).isEmpty();
        assertThat(connectivity.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.field()).isEqualTo("spec.rules[0].http.paths[0].backend.service.name");
            assertThat(warning.message()).contains("shop/web", "has no selector");
        });
    }

    @Test
    void ingress_to_a_missing_service_gives_a_warning_naming_file_object_and_field() throws IOException {
        // given an Ingress naming a Service that is not in the input
        Connectivity connectivity = analyse(WORKLOAD, SERVICE, INGRESS.replace("name: web,", "name: webb,"));

        // then
        assertThat(ingressLines(connectivity)).isEmpty();
        InputProblem warning = connectivity.warnings().get(0);
        assertThat(warning.file()).endsWith("2.yaml");
        assertThat(warning.object()).isEqualTo("Ingress shop/shop");
        assertThat(warning.field()).isEqualTo("spec.rules[0].http.paths[0].backend.service.name");
        assertThat(warning.message()).contains("shop/webb", "not in the input");
        assertThat(warning.hint()).isNotBlank();
    }

    @Test
    void policy_admitting_only_one_namespace_blocks_the_controller() throws IOException {
        // given a policy admitting pods of namespace frontend only
        String policy = shopPolicy(
                "{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: frontend}}}]}");
        Connectivity connectivity = analyse(WORKLOAD, SERVICE, INGRESS, policy);

        // then the controller (a pod of its own namespace) is not admitted, and the warning says so
        assertThat(ingressLines(connectivity)).isEmpty();
        assertThat(connectivity.warnings()).singleElement().satisfies(warning -> assertThat(warning.message())
                .contains("TCP 8080", "network policy denies"));
    }

    @Test
    void policy_admitting_same_namespace_pods_does_not_admit_the_controller() throws IOException {
        // given a policy admitting every pod of the workload's namespace
        String policy = shopPolicy("{from: [{podSelector: {}}]}");

        // then the controller, outside that namespace, is not admitted
        assertThat(ingressLines(analyse(WORKLOAD, SERVICE, INGRESS, policy))).isEmpty();
    }

    @Test
    void policy_admitting_every_namespace_on_the_port_admits_the_controller() throws IOException {
        // given a policy admitting every namespace on 8080 only
        String policy = shopPolicy("{from: [{namespaceSelector: {}}], ports: [{port: 8080}]}");
        String ingress = """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shop, namespace: shop}
                spec:
                  defaultBackend: {service: {name: web, port: {number: 80}}}
                  rules:
                  - http:
                      paths:
                      - {path: /m, pathType: Prefix, backend: {service: {name: web, port: {name: metrics}}}}
                """;

        // then 8080 is listed and 9090 is not
        assertThat(ingressLines(analyse(WORKLOAD, SERVICE, ingress, policy)))
                .containsExactly("{ingress-controller} => shop/web[Deployment] : TCP 8080");
    }

    @Test
    void route_port_name_also_matches_a_named_target_port_and_alternate_backends_count() throws IOException {
        // given a Route to a Service without port names, by the targetPort name, with an alternate backend
        String service = """
                apiVersion: v1
                kind: Service
                metadata: {name: web-a, namespace: shop}
                spec:
                  selector: {app: web}
                  ports: [{port: 80, targetPort: http}]
                """;
        String other = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: canary, namespace: shop}
                spec:
                  template:
                    metadata: {labels: {app: canary}}
                    spec:
                      containers: [{name: c, ports: [{name: http, containerPort: 8081}]}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web-b, namespace: shop}
                spec:
                  selector: {app: canary}
                  ports: [{port: 80, targetPort: http}]
                """;
        String route = """
                apiVersion: route.openshift.io/v1
                kind: Route
                metadata: {name: web, namespace: shop}
                spec:
                  to: {kind: Service, name: web-a}
                  alternateBackends: [{kind: Service, name: web-b}]
                  port: {targetPort: http}
                """;

        // then both workloads are listed, each on its own container port
        assertThat(ingressLines(analyse(WORKLOAD, service, other, route))).containsExactly(
                "{ingress-controller} => shop/canary[Deployment] : TCP 8081",
                "{ingress-controller} => shop/web[Deployment] : TCP 8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"calico", "cilium", "generic+istio"})
    void every_profile_sees_the_controller_as_a_pod_of_its_own_namespace(String profile) throws IOException {
        // given a policy admitting every namespace on 8080 only, under a CNI that knows workloads by its cluster
        String policy = shopPolicy("{from: [{namespaceSelector: {}}], ports: [{port: 8080}]}");
        String ingress = INGRESS.replace("{number: 80}", "{name: http}");

        // when
        Connectivity connectivity = analyse(EnforcementProfile.named(profile).orElseThrow(), WORKLOAD, SERVICE,
                ingress, policy);

        // then the controller is admitted as a pod of another namespace is
        assertThat(ingressLines(connectivity))
                .containsExactly("{ingress-controller} => shop/web[Deployment] : TCP 8080");
    }

    @Test
    void controller_lines_change_no_line_between_real_peers() throws IOException {
        // given the same workloads and policy, with and without the Ingress
        String policy = shopPolicy("{from: [{namespaceSelector: {}}]}");
        List<Connection> with = analyse(WORKLOAD, SERVICE, INGRESS, policy).connections();
        List<Connection> without = analyse(WORKLOAD, SERVICE, policy).connections();

        // then the only difference is the controller's line, last in the list
        assertThat(with.subList(0, with.size() - 1)).isEqualTo(without);
        assertThat(with.get(with.size() - 1).source().isIngressController()).isTrue();
    }

    @Test
    void controller_is_drawn_as_a_box_in_dot() throws IOException {
        String dot = ConnectivityFormat.DOT.render(analyse(WORKLOAD, SERVICE, INGRESS).connections());

        assertThat(dot).contains("\t\"{ingress-controller}\" [label=\"{ingress-controller}\" shape=box]",
                "\t\"{ingress-controller}\" -> \"shop/web[Deployment]\" [label=\"TCP 8080\"]");
    }

    @Test
    void a_diff_lists_the_controller_lines_a_policy_change_removes_and_the_warnings_of_both_sides()
            throws IOException {
        // given: the same workload, Service and Ingress, then a policy admitting only pods of namespace shop, and an
        // Ingress to a missing Service on the second side
        Path before = directory(WORKLOAD, SERVICE, INGRESS);
        Path after = directory(WORKLOAD, SERVICE, INGRESS, shopPolicy("{from: [{podSelector: {}}]}"),
                INGRESS.replace("name: shop, namespace: shop", "name: old, namespace: shop")
                        .replace("name: web, port", "name: gone, port"));

        // when
        ConnectivityDiff diff = ConnectivityDiff.analyse(List.of(before), List.of(after),
                NetpolAnalyzerConformanceTest.NETPOL_ANALYZER);

        // then: the controller is no workload, so the line names no workload as added or removed
        assertThat(diff.lines()).filteredOn(line -> line.source().isIngressController()).singleElement()
                .satisfies(line -> {
                    assertThat(line.type()).isEqualTo(ConnectivityDiff.Type.REMOVED);
                    assertThat(line.toString()).contains("{ingress-controller}", "shop/web[Deployment]");
                    assertThat(line.workloadsInfo()).isEmpty();
                });
        // and the second side warns of the missing Service and of the backend its policy now blocks
        assertThat(diff.warnings()).extracting(InputProblem::object)
                .containsExactly("Ingress shop/old", "Ingress shop/shop");
    }

    /** A NetworkPolicy of namespace shop selecting every pod, with this one ingress rule. */
    private static String shopPolicy(String ingressRule) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: policy, namespace: shop}
                spec:
                  podSelector: {}
                  ingress: [%s]
                """.formatted(ingressRule);
    }

    /** The list of these documents, each in its own file {@code <n>.yaml} of a fresh directory. */
    private Connectivity analyse(String... documents) throws IOException {
        return analyse(NetpolAnalyzerConformanceTest.NETPOL_ANALYZER, documents);
    }

    private Connectivity analyse(EnforcementProfile profile, String... documents) throws IOException {
        return ConnectivityInput.analyse(List.of(directory(documents)), profile);
    }

    private Path directory(String... documents) throws IOException {
        Path input = Files.createTempDirectory(dir, "input");
        for (int i = 0; i < documents.length; i++) {
            Files.writeString(input.resolve(i + ".yaml"), documents[i]);
        }
        return input;
    }

    private static List<String> ingressLines(Connectivity connectivity) {
        return connectivity.connections().stream().filter(line -> line.source().isIngressController())
                .map(Connection::toString).toList();
    }
}
