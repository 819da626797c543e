package dev.kordon.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectivityDiffTest {

    static final String NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            """;

    static String deployment(String name, String ports) {
        return """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %1$s, namespace: shop}
                spec:
                  selector: {matchLabels: {app: %1$s}}
                  template:
                    metadata: {labels: {app: %1$s}}
                    spec: {containers: [{name: %1$s, image: %1$s%2$s}]}
                """.formatted(name, ports);
    }

    static final String API_FROM_WEB = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: api}}
              policyTypes: [Ingress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: 8080}]
            """;

    static final String API_FROM_WEB_AND_10 = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: api}}
              policyTypes: [Ingress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: 8080}, {port: 53, protocol: UDP}]
              - from: [{ipBlock: {cidr: 10.0.0.0/8}}]
                ports: [{port: 8080}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Ingress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: api}}}, {podSelector: {matchLabels: {app: cache}}}]
            """;

    static final String API_PORTS = ", ports: [{name: http, containerPort: 8080}]";

    @TempDir
    Path temp;

    Path before;
    Path after;

    @BeforeEach
    void dirs() throws IOException {
        before = Files.createDirectory(temp.resolve("before"));
        after = Files.createDirectory(temp.resolve("after"));
        Files.writeString(before.resolve("workloads.yaml"), NAMESPACE + deployment("web", "")
                + deployment("api", API_PORTS) + deployment("db", ""));
        Files.writeString(before.resolve("policies.yaml"), API_FROM_WEB);
        Files.writeString(after.resolve("workloads.yaml"), NAMESPACE + deployment("web", "")
                + deployment("api", API_PORTS) + deployment("cache", ""));
        Files.writeString(after.resolve("policies.yaml"), API_FROM_WEB_AND_10);
    }

    private ConnectivityDiff diff(Path first, Path second) {
        return ConnectivityDiff.analyse(List.of(first), List.of(second), EnforcementProfile.generic());
    }

    @Test
    void reports_changed_added_and_removed_pairs_but_not_unchanged_ones() {
        ConnectivityDiff diff = diff(before, after);
        List<String> lines = diff.lines().stream().map(Object::toString).toList();
        assertThat(diff.isEmpty()).isFalse();
        assertThat(lines).contains(
                "diff-type: changed, source: shop/web[Deployment], destination: shop/api[Deployment],"
                        + " dir1:  TCP 8080, dir2: TCP 8080,UDP 53",
                "diff-type: added, source: shop/cache[Deployment], destination: shop/api[Deployment],"
                        + " dir1:  No Connections, dir2: TCP 8080,"
                        + " workloads-diff-info: workload shop/cache[Deployment] added",
                "diff-type: removed, source: 0.0.0.0-9.255.255.255, destination: shop/web[Deployment],"
                        + " dir1:  All Connections, dir2: No Connections",
                "diff-type: removed, source: shop/db[Deployment], destination: shop/web[Deployment],"
                        + " dir1:  All Connections, dir2: No Connections,"
                        + " workloads-diff-info: workload shop/db[Deployment] removed");
        assertThat(lines).noneMatch(line -> line.contains("source: shop/api[Deployment], destination: shop/web"))
                .noneMatch(line -> line.contains("source: shop/web[Deployment], destination: 0.0.0.0"));
        assertThat(diff.lines().stream().map(ConnectivityDiff.Line::type).distinct())
                .containsExactly(ConnectivityDiff.Type.CHANGED, ConnectivityDiff.Type.ADDED,
                        ConnectivityDiff.Type.REMOVED);
        assertThat(diff.lines()).allMatch(line -> !line.first().equals(line.second()))
                .filteredOn(line -> line.type() == ConnectivityDiff.Type.ADDED)
                .allMatch(line -> line.first().isEmpty() && !line.second().isEmpty());
        assertThat(diff.render(ConnectivityFormat.TXT)).startsWith("Connectivity diff:\ndiff-type: changed,");
    }

    @Test
    void external_intervals_are_cut_on_the_cidrs_of_both_sides() {
        List<String> sources = diff(before, after).lines().stream().filter(line -> line.source().isExternal())
                .map(line -> line.source().name()).distinct().sorted().toList();
        assertThat(sources).containsExactly("0.0.0.0-9.255.255.255", "10.0.0.0-10.255.255.255",
                "11.0.0.0-255.255.255.255");
        assertThat(diff(before, after).lines().stream().map(Object::toString)).contains(
                "diff-type: added, source: 10.0.0.0-10.255.255.255, destination: shop/api[Deployment],"
                        + " dir1:  No Connections, dir2: TCP 8080")
                .noneMatch(line -> line.contains("source: 0.0.0.0-9.255.255.255, destination: shop/api"));
        // the first side alone has no CIDR, but is still cut where the second side cuts
        List<String> reversed = diff(after, before).lines().stream().map(Object::toString).toList();
        assertThat(reversed).contains("diff-type: removed, source: 10.0.0.0-10.255.255.255,"
                + " destination: shop/api[Deployment], dir1:  TCP 8080, dir2: No Connections");
    }

    @Test
    void reversing_the_sides_swaps_added_and_removed() {
        ConnectivityDiff forward = diff(before, after);
        ConnectivityDiff backward = diff(after, before);
        assertThat(backward.lines()).hasSameSizeAs(forward.lines());
        assertThat(backward.lines().stream().filter(line -> line.type() == ConnectivityDiff.Type.REMOVED))
                .hasSameSizeAs(forward.lines().stream().filter(line -> line.type() == ConnectivityDiff.Type.ADDED)
                        .toList());
        assertThat(backward.lines().stream().map(Object::toString)).contains(
                "diff-type: added, source: shop/db[Deployment], destination: shop/web[Deployment],"
                        + " dir1:  No Connections, dir2: All Connections,"
                        + " workloads-diff-info: workload shop/db[Deployment] added");
    }

    @Test
    void the_same_manifests_have_no_difference_and_the_order_is_deterministic() throws IOException {
        ConnectivityDiff same = diff(before, before);
        assertThat(same.isEmpty()).isTrue();
        assertThat(same.render(ConnectivityFormat.TXT)).isEqualTo("No connections diff");
        assertThat(same.render(ConnectivityFormat.JSON)).isEqualTo("[]");
        assertThat(same.render(ConnectivityFormat.CSV)).isEqualTo("diff-type,source,destination,dir1,dir2,"
                + "workloads-diff-info");
        Path copy = Files.createDirectory(temp.resolve("copy"));
        Files.writeString(copy.resolve("all.yaml"), API_FROM_WEB + "---\n" + NAMESPACE + deployment("db", "")
                + deployment("api", API_PORTS) + deployment("web", ""));
        assertThat(diff(before, copy).isEmpty()).isTrue();
        assertThat(diff(before, after)).isEqualTo(diff(before, after));
    }

    @Test
    void renders_csv_md_and_json_with_the_workloads_column() {
        ConnectivityDiff diff = diff(before, after);
        String csv = diff.render(ConnectivityFormat.CSV);
        assertThat(csv).startsWith("diff-type,source,destination,dir1,dir2,workloads-diff-info\n"
                + "changed,shop/web[Deployment],shop/api[Deployment],TCP 8080,\"TCP 8080,UDP 53\",\n");
        assertThat(csv.lines()).hasSize(diff.lines().size() + 1);
        assertThat(diff.render(ConnectivityFormat.MD)).startsWith("| diff-type | source | destination | dir1 | dir2"
                + " | workloads-diff-info |\n|-----------|").contains("| removed | shop/db[Deployment] |"
                + " shop/web[Deployment] | All Connections | No Connections | workload shop/db[Deployment] removed |");
        assertThat(diff.render(ConnectivityFormat.JSON)).startsWith("[\n  {\n    \"diff-type\": \"changed\",\n"
                + "    \"source\": \"shop/web[Deployment]\",").endsWith("\n]");
        assertThatThrownBy(() -> diff.render(ConnectivityFormat.DOT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reports_the_problems_of_both_sides() throws IOException {
        Files.writeString(before.resolve("broken.yaml"), "kind: [");
        Files.writeString(after.resolve("duplicate.yaml"), API_FROM_WEB);
        assertThatThrownBy(() -> diff(before, after)).isInstanceOf(InputException.class)
                .hasMessageContaining("broken.yaml").hasMessageContaining("duplicate.yaml");

        Files.delete(before.resolve("broken.yaml"));
        Files.delete(after.resolve("duplicate.yaml"));
        String badCidr = API_FROM_WEB.replace("name: api,", "name: bad,")
                .replace("[{podSelector: {matchLabels: {app: web}}}]", "[{ipBlock: {cidr: 10.0.0.0/33}}]");
        Files.writeString(before.resolve("bad1.yaml"), badCidr);
        Files.writeString(after.resolve("bad2.yaml"), badCidr);
        assertThatThrownBy(() -> diff(before, after)).isInstanceOf(InputException.class)
                .hasMessageContaining("bad1.yaml").hasMessageContaining("bad2.yaml");
    }
}
