package dev.kordon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    @TempDir
    Path temp;

    private Path before;
    private Path after;

    private static final String POLICY_BEFORE = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api-from-web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: api}}
              policyTypes: [Ingress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: http}]
            """;

    private static final String POLICY_AFTER = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api-from-web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: api}}
              policyTypes: [Ingress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: http}, {port: 53, protocol: UDP}]
              - from: [{ipBlock: {cidr: 10.0.0.0/8}}]
                ports: [{port: 8080}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web-from-api, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Ingress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: api}}}]
            """;

    @BeforeEach
    void dirs() throws IOException {
        before = Files.createDirectory(temp.resolve("before"));
        after = Files.createDirectory(temp.resolve("after"));
        Files.writeString(before.resolve("workloads.yaml"), ShopWorkloads.YAML);
        Files.writeString(before.resolve("policy.yaml"), POLICY_BEFORE);
        Files.writeString(after.resolve("workloads.yaml"), ShopWorkloads.YAML);
        Files.writeString(after.resolve("policy.yaml"), POLICY_AFTER);
    }

    @Test
    void txt_prints_changed_added_and_removed_pairs_and_exits_1() {
        CommandRun run = CommandRun.of("diff", before.toString(), after.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.DIFFERENT);
        assertThat(run.out()).isEqualTo("""
                Connectivity diff:
                diff-type: changed, source: shop/web[Deployment], destination: shop/api[Deployment], dir1:  TCP 8080, dir2: TCP 8080,UDP 53
                diff-type: added, source: 10.0.0.0-10.255.255.255, destination: shop/api[Deployment], dir1:  No Connections, dir2: TCP 8080
                diff-type: removed, source: 0.0.0.0-9.255.255.255, destination: shop/web[Deployment], dir1:  All Connections, dir2: No Connections
                diff-type: removed, source: 10.0.0.0-10.255.255.255, destination: shop/web[Deployment], dir1:  All Connections, dir2: No Connections
                diff-type: removed, source: 11.0.0.0-255.255.255.255, destination: shop/web[Deployment], dir1:  All Connections, dir2: No Connections
                """);
    }

    @Test
    void the_same_manifests_exit_0() {
        CommandRun run = CommandRun.of("diff", before.toString(), before.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("No connections diff\n");
        assertThat(CommandRun.of("diff", "--format", "json", before.toString(), before.toString()).out())
                .isEqualTo("[]\n");
    }

    @Test
    void json_csv_and_md_hold_the_same_lines() throws IOException {
        Files.writeString(after.resolve("cache.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: cache, namespace: shop, labels: {app: cache}}
                spec: {containers: [{name: cache, image: cache}]}
                """);
        CommandRun csv = CommandRun.of("diff", "--format", "csv", before.toString(), after.toString());
        assertThat(csv.exitCode()).isEqualTo(ExitCodes.DIFFERENT);
        assertThat(csv.out()).startsWith("diff-type,source,destination,dir1,dir2,workloads-diff-info\n")
                .contains("changed,shop/web[Deployment],shop/api[Deployment],TCP 8080,\"TCP 8080,UDP 53\",\n")
                .contains("added,shop/cache[Pod],shop/api[Deployment],No Connections,TCP 8080,"
                        + "workload shop/cache[Pod] added\n");
        assertThat(CommandRun.of("diff", "--format", "json", before.toString(), after.toString()).out())
                .startsWith("[\n  {\n    \"diff-type\": \"changed\",")
                .contains("\"workloads-diff-info\": \"workload shop/cache[Pod] added\"");
        assertThat(CommandRun.of("diff", "--format", "md", before.toString(), after.toString()).out())
                .startsWith("| diff-type | source | destination | dir1 | dir2 | workloads-diff-info |\n")
                .contains("| removed | 0.0.0.0-9.255.255.255 | shop/web[Deployment] | All Connections |"
                        + " No Connections |  |");
    }

    @Test
    void bad_options_and_input_of_both_sides_exit_2_naming_every_problem() throws IOException {
        CommandRun run = CommandRun.of("diff", before.toString(), after.toString(), "--format", "dot",
                "--profile", "weave");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--format").contains("dot").contains("--profile").contains("weave");

        Files.writeString(before.resolve("broken.yaml"), "kind: [");
        Files.writeString(after.resolve("bad.yaml"), """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: bad, namespace: shop}
                spec:
                  podSelector: {}
                  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/33}}]}]
                """);
        CommandRun invalid = CommandRun.of("diff", before.toString(), after.toString());
        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(invalid.out()).isEmpty();
        assertThat(invalid.err()).startsWith("kordon: ").contains("broken.yaml");

        CommandRun missing = CommandRun.of("diff", before.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("DIR2");
    }
}
