package dev.kordon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

    @TempDir
    Path temp;

    private static final String POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api-from-web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: api}}
              policyTypes: [Ingress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}, {ipBlock: {cidr: 10.0.0.0/8}}]
                ports: [{port: http}, {port: 9000, endPort: 9010, protocol: UDP}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ignored, namespace: shop}
            spec: {}
            """;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(temp.resolve("workloads.yaml"), ShopWorkloads.YAML);
        Files.writeString(temp.resolve("policy.yaml"), POLICY);
    }

    @Test
    void txt_lists_every_pair_like_netpol_analyzer() {
        CommandRun run = CommandRun.of("list", temp.toString(), "--ipblock-selects-pods", "false");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("""
                0.0.0.0-9.255.255.255[External] => shop/web[Deployment] : All Connections
                10.0.0.0-10.255.255.255[External] => shop/api[Deployment] : TCP 8080,UDP 9000-9010
                10.0.0.0-10.255.255.255[External] => shop/web[Deployment] : All Connections
                11.0.0.0-255.255.255.255[External] => shop/web[Deployment] : All Connections
                shop/api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections
                shop/api[Deployment] => shop/web[Deployment] : All Connections
                shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections
                shop/web[Deployment] => shop/api[Deployment] : TCP 8080,UDP 9000-9010
                """);
    }

    @Test
    void csv_json_md_and_dot_hold_the_same_pairs() {
        assertThat(CommandRun.of("list", temp.toString(), "--format", "csv").out())
                .startsWith("src,dst,conn\n").contains("shop/web[Deployment],shop/api[Deployment],\"TCP 8080,UDP 9000-9010\"");
        assertThat(CommandRun.of("list", temp.toString(), "--format", "json").out())
                .startsWith("[\n  {\n    \"src\": ").contains("\"conn\": \"TCP 8080,UDP 9000-9010\"");
        assertThat(CommandRun.of("list", temp.toString(), "--format", "md").out())
                .startsWith("| src | dst | conn |").contains("| shop/web[Deployment] | shop/api[Deployment] |");
        assertThat(CommandRun.of("list", temp.toString(), "--format", "dot").out())
                .startsWith("digraph {").contains("\"shop/web[Deployment]\" -> \"shop/api[Deployment]\"");
    }

    @Test
    void bad_options_and_input_exit_2_naming_every_problem() throws IOException {
        CommandRun run = CommandRun.of("list", temp.toString(), "--format", "xml", "--profile", "weave");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--format").contains("xml").contains("--profile").contains("weave");

        Files.writeString(temp.resolve("bad.yaml"), """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: bad, namespace: shop}
                spec:
                  podSelector: {}
                  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/33}}]}]
                """);
        CommandRun invalid = CommandRun.of("list", temp.toString());
        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(invalid.err()).contains("bad.yaml").contains("10.0.0.0/33");
    }

    @Test
    void netpol_analyzer_invalid_inputs_exit_2() {
        Path tests = Path.of("../simulator/src/test/resources/conformance/netpol-analyzer/tests");
        for (String dir : new String[] {"np_bad_path_test_1", "np_bad_path_test_2", "bad_netpols/subdir6",
                "anp_bad_path_test_20", "bad_path_namespace_with_same_name"}) {
            CommandRun run = CommandRun.of("list", tests.resolve(dir).toString());
            assertThat(run.exitCode()).as(dir).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).as(dir).startsWith("kordon: ");
        }
    }

    @Test
    void ingress_backends_add_ingress_controller_lines_and_warn_about_missing_services() throws IOException {
        // given an Ingress to the api's Service, and one to a Service that is not in the input
        Files.writeString(temp.resolve("ingress.yaml"), """
                apiVersion: v1
                kind: Service
                metadata: {name: api, namespace: shop}
                spec: {selector: {app: api}, ports: [{port: 80, targetPort: http}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shop, namespace: shop}
                spec:
                  rules:
                  - http:
                      paths:
                      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
                      - {path: /old, pathType: Prefix, backend: {service: {name: legacy, port: {number: 80}}}}
                """);
        Files.writeString(temp.resolve("policy.yaml"), POLICY.replace("{ipBlock: {cidr: 10.0.0.0/8}}",
                "{namespaceSelector: {}}"));

        // when
        CommandRun run = CommandRun.of("list", temp.toString(), "--ipblock-selects-pods", "false");

        // then the controller's line comes last, and the missing Service is named on stderr with its field
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).endsWith("{ingress-controller} => shop/api[Deployment] : TCP 8080\n");
        assertThat(run.err()).startsWith("kordon: warning: ").contains("ingress.yaml", "Ingress shop/shop",
                "spec.rules[0].http.paths[1].backend.service.name", "shop/legacy", "fix: ");
    }
}
