package dev.kordon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    @TempDir
    Path temp;

    private static final String WORKLOADS = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {team: shop}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: web, ports: [{name: http, containerPort: 8080}]}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec: {containers: [{name: api, image: api, ports: [{name: http, containerPort: 8080}]}]}
            """;

    private static final String POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api-from-web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: api}}
              policyTypes: [Ingress]
              ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: http}]}]
            """;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(temp.resolve("workloads.yaml"), WORKLOADS);
        Files.createDirectories(temp.resolve("policies"));
        Files.writeString(temp.resolve("policies/api.yaml"), POLICY);
    }

    @Test
    void eval_says_allowed_for_a_flow_the_policy_admits() {
        CommandRun run = CommandRun.of("eval", temp.toString(), "--from", "shop/web", "--to", "shop/api", "--port",
                "8080");
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEqualTo("shop/web -> shop/api TCP/8080: allowed\n");
    }

    @Test
    void eval_says_denied_for_a_flow_it_does_not() {
        CommandRun run = CommandRun.of("eval", temp.toString(), "--from", "shop/api", "--to", "shop/api", "--port",
                "9090");
        assertThat(run.out()).isEqualTo("shop/api -> shop/api TCP/9090: allowed\n");
        CommandRun outside = CommandRun.of("eval", temp.toString(), "--from", "ip:8.8.8.8", "--to", "shop/api",
                "--port", "8080");
        assertThat(outside.out()).isEqualTo("ip:8.8.8.8 -> shop/api TCP/8080: denied\n");
    }

    @Test
    void explain_prints_the_chain_and_the_nearest_miss() {
        CommandRun run = CommandRun.of("explain", temp.toString(), "--from", "ip:8.8.8.8", "--to", "shop/api",
                "--port", "8080");
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("ip:8.8.8.8 -> shop/api TCP/8080: denied\n")
                .contains("[generic ingress networkpolicy] NetworkPolicy shop/api-from-web: deny - shop/api is isolated"
                        + " for ingress by NetworkPolicy shop/api-from-web");
    }

    @Test
    void bad_input_lists_every_problem() {
        CommandRun run = CommandRun.of("eval", temp.toString(), "--from", "shop/nope", "--to", "shop/api", "--port",
                "70000", "--profile", "weave");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("kordon: 3 problems in the input:")
                .contains("--profile: is not a profile: 'weave'")
                .contains("--from: names no pod of the cluster: 'shop/nope'")
                .contains("--port: is not a port from 1 to 65535: 70000");
    }

    @Test
    void eval_prints_the_decision_as_json() {
        // when
        CommandRun run = CommandRun.of("eval", temp.toString(), "--from", "shop/web", "--to", "shop/api", "--port",
                "8080", "--method", "GET", "--path", "/a \"quoted\" path", "--format", "json");

        // then
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEqualTo("""
                {
                  "flow": "shop/web -> shop/api TCP/8080 GET /a \\"quoted\\" path",
                  "source": "shop/web",
                  "destination": "shop/api",
                  "protocol": "TCP",
                  "port": 8080,
                  "http": {"method": "GET", "path": "/a \\"quoted\\" path"},
                  "allowed": true,
                  "ambiguous": false
                }
                """);
    }

    @Test
    void explain_prints_every_step_as_json() {
        // when
        CommandRun run = CommandRun.of("explain", temp.toString(), "--from", "ip:8.8.8.8", "--to", "shop/api",
                "--port", "8080", "--format", "JSON");

        // then
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEqualTo("""
                {
                  "flow": "ip:8.8.8.8 -> shop/api TCP/8080",
                  "source": "ip:8.8.8.8",
                  "destination": "shop/api",
                  "protocol": "TCP",
                  "port": 8080,
                  "allowed": false,
                  "ambiguous": false,
                  "steps": [
                    {
                      "layer": "generic",
                      "direction": "egress",
                      "tier": "",
                      "resource": "",
                      "rule": null,
                      "outcome": "not enforced",
                      "reason": "ip:8.8.8.8 is not a pod: nothing is enforced at its egress"
                    },
                    {
                      "layer": "generic",
                      "direction": "ingress",
                      "tier": "networkpolicy",
                      "resource": "NetworkPolicy shop/api-from-web",
                      "rule": null,
                      "outcome": "deny",
                      "reason": "shop/api is isolated for ingress by NetworkPolicy shop/api-from-web, and no rule\
                 allows traffic from ip:8.8.8.8 on TCP/8080; nearest: NetworkPolicy shop/api-from-web rule 0: peer 0\
                 (podSelector {app=web}): ip:8.8.8.8 is not a pod (port TCP/8080 (named port http of shop/api) would\
                 match)"
                    }
                  ]
                }
                """);
    }

    @Test
    void an_unknown_format_is_bad_input() {
        // when
        CommandRun run = CommandRun.of("explain", temp.toString(), "--from", "shop/web", "--to", "shop/api", "--port",
                "8080", "--format", "yaml");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format: is not a format of this command: 'yaml'").contains("use txt or json");
    }
}
