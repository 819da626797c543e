package dev.kordon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    private static final String POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api-from-web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: api}}
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: 8080}]
            """;

    private static final String ISTIO = """
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: api, namespace: shop}
            spec:
              selector: {matchLabels: {app: api}}
              action: DENY
              rules: [{to: [{operation: {methods: [DELETE]}}]}]
            """;

    @Test
    void writes_the_providers_and_their_registration(@TempDir Path dir) throws IOException {
        // given
        Path input = Files.writeString(dir.resolve("policies.yaml"), POLICY);
        Path java = dir.resolve("java");
        Path resources = dir.resolve("resources");

        // when
        CommandRun run = CommandRun.of("import", "--package", "com.example", "--output", java.toString(),
                "--resources", resources.toString(), input.toString());

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("1 class written\n  com.example.ShopPolicies\neverything was imported\n");
        assertThat(java.resolve("com/example/ShopPolicies.java")).content()
                .contains("allow(pods(inNamespace(\"shop\"), labels(\"app\", \"web\")))");
        assertThat(resources.resolve("META-INF/services/dev.kordon.dsl.spi.PolicySetProvider")).content()
                .isEqualTo("com.example.ShopPolicies\n");
    }

    @Test
    void exits_with_1_and_lists_what_it_did_not_import(@TempDir Path dir) throws IOException {
        // given
        Path input = Files.writeString(dir.resolve("policies.yaml"), POLICY + ISTIO);

        // when
        CommandRun run = CommandRun.of("import", "--output", dir.resolve("java").toString(), "--resources",
                dir.resolve("resources").toString(), input.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).endsWith("1 thing not imported:\n- " + input + ": AuthorizationPolicy shop/api:"
                + " spec.rules[0].to: is not imported: a DENY rule with HTTP fields and no ports denies every plain TCP"
                + " connection of its sources to the workloads, which a DSL deny of HTTP requests does not say\n"
                + "    fix: name the HTTP ports in to.operation.ports (backends.md §5.3)\n");
    }

    @Test
    void refers_to_the_workloads_of_a_catalog(@TempDir Path dir) throws IOException {
        // given
        Path input = Files.writeString(dir.resolve("policies.yaml"), POLICY);
        Path workloads = Files.writeString(dir.resolve("workloads.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                  template: {metadata: {labels: {app: api}}, spec: {containers: [{name: api, image: api}]}}
                """);
        Path java = dir.resolve("java");

        // when
        CommandRun run = CommandRun.of("import", "--package", "com.example", "--output", java.toString(),
                "--resources", dir.resolve("resources").toString(), "--workloads", workloads.toString(), "--catalog",
                "com.example.Workloads", input.toString());

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(java.resolve("com/example/ShopPolicies.java")).content().contains(".to(Workloads.Shop.API)");
    }

    @Test
    void rejects_workloads_without_a_catalog_class_with_exit_code_2(@TempDir Path dir) throws IOException {
        // given
        Path input = Files.writeString(dir.resolve("policies.yaml"), POLICY);

        // when
        CommandRun run = CommandRun.of("import", "--workloads", input.toString(), input.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("kordon: give workloads and the catalog class together, or neither\n"
                + "  fix: ");
    }

    @Test
    void rejects_an_invalid_policy_with_exit_code_2(@TempDir Path dir) throws IOException {
        // given
        Path input = Files.writeString(dir.resolve("policies.yaml"), POLICY.replace("port: 8080", "port: 80800"));

        // when
        CommandRun run = CommandRun.of("import", "--output", dir.resolve("java").toString(), input.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("kordon: 1 problem in the input:\n- " + input
                + ": NetworkPolicy shop/api-from-web: spec.ingress[0].ports[0].port: ");
        assertThat(dir.resolve("java")).doesNotExist();
    }
}
