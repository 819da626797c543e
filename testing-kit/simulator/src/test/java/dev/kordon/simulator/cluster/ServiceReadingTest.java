package dev.kordon.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Services in the cluster model: selector, and ports with their targetPort by number or name. */
class ServiceReadingTest {

    @Test
    void service_keeps_selector_and_ports_with_target_port_by_number_name_or_default() {
        // given
        Problems problems = new Problems();
        Cluster cluster = read("""
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {app: web}
                  ports:
                  - {name: http, port: 80, targetPort: http}
                  - {name: admin, port: 81, targetPort: 9000, protocol: TCP}
                  - {port: 53, protocol: UDP}
                """, problems);

        // then
        assertThat(problems.all()).isEmpty();
        Service service = cluster.service("shop", "web").orElseThrow();
        assertThat(service.hasSelector()).isTrue();
        assertThat(service.selector()).containsExactly(Map.entry("app", "web"));
        assertThat(service.ports()).containsExactly(
                new ServicePort("http", 80, "TCP", new ServicePort.Named("http")),
                new ServicePort("admin", 81, "TCP", new ServicePort.Number(9000)),
                new ServicePort("", 53, "UDP", new ServicePort.Number(53)));
    }

    @Test
    void service_selects_pods_of_its_namespace_with_every_selector_label() {
        Service service = new Service("shop", "web", new TreeMap<>(Map.of("app", "web")), true, List.of());

        assertThat(service.selects(pod("shop", Map.of("app", "web", "tier", "front")))).isTrue();
        assertThat(service.selects(pod("shop", Map.of("app", "api")))).isFalse();
        assertThat(service.selects(pod("other", Map.of("app", "web")))).isFalse();
    }

    @Test
    void service_without_selector_selects_no_pod_and_an_empty_one_selects_every_pod_of_its_namespace() {
        Cluster cluster = read("""
                apiVersion: v1
                kind: Service
                metadata: {name: external, namespace: shop}
                spec: {ports: [{port: 443}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: all, namespace: shop}
                spec: {selector: {}, ports: [{port: 443}]}
                """, new Problems());

        assertThat(cluster.service("shop", "external").orElseThrow().selects(pod("shop", Map.of()))).isFalse();
        assertThat(cluster.service("shop", "all").orElseThrow().selects(pod("shop", Map.of("a", "b")))).isTrue();
    }

    @Test
    void service_port_without_number_is_a_problem_naming_the_field() {
        Problems problems = new Problems();
        read("""
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec: {selector: {app: web}, ports: [{name: http, targetPort: 8080}]}
                """, problems);

        assertThat(problems.all()).singleElement().satisfies(problem -> {
            assertThat(problem.object()).isEqualTo("Service shop/web");
            assertThat(problem.field()).isEqualTo("spec.ports[0].port");
            assertThat(problem.hint()).isNotBlank();
        });
    }

    private static Cluster read(String yaml, Problems problems) {
        return new ClusterReader().read(new ManifestReader().read("services.yaml", yaml, problems), problems).cluster();
    }

    private static Pod pod(String namespace, Map<String, String> labels) {
        return new Pod(namespace, "p", new TreeMap<>(labels), "", List.of(), "default", false, "", "", Map.of());
    }
}
