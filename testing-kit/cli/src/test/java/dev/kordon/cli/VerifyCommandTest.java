package dev.kordon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path temp;

    @Test
    void a_missing_file_is_bad_input_named_with_its_path() {
        Path missing = temp.resolve("missing.yaml");
        CommandRun run = CommandRun.of("verify", missing.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("kordon: 1 problem in the input:\n- " + missing + ": cannot be read:");
    }

    @Test
    void every_problem_of_every_file_is_reported_together() throws IOException {
        // given two broken files
        Path first = Files.writeString(temp.resolve("a.yaml"), "profile: {cni: flannel}\nexpect: []\n");
        Path second = Files.writeString(temp.resolve("b.yaml"), "cluster: {pods: [{namespace: x, name: a, ip: 10.0.0.1,"
                + " color: red}]}\nexpect: [{from: x/a, to: x/b, port: 80, protocol: TCP, allowed: true}]\n");
        // when the directory is verified
        CommandRun run = CommandRun.of("verify", temp.toString());
        // then both files' problems are listed, and nothing is simulated
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("kordon: 3 problems in the input:")
                .contains(first + ": profile.cni: is not one of generic, calico, cilium: 'flannel'")
                .contains(second + ": cluster.pods[0].color: is not a field here")
                .contains(second + ": expect[0].to: names no pod of the cluster: 'x/b'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_file_argument_is_required() {
        CommandRun run = CommandRun.of("verify");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'FILE'");
    }

    private static final String CASE = """
            source: a NetworkPolicy that lets only namespace y reach x/a
            profile: {cni: generic}
            cluster:
              namespaces:
              - {name: x, labels: {kubernetes.io/metadata.name: x}}
              - {name: y, labels: {kubernetes.io/metadata.name: y}}
              pods:
              - {namespace: x, name: a, labels: {pod: a}, ip: 10.244.1.10, ports: [{name: http, port: 81, protocol: TCP}]}
              - {namespace: x, name: b, labels: {pod: b}, ip: 10.244.1.11, ports: []}
              - {namespace: y, name: a, labels: {pod: a}, ip: 10.244.2.10, ports: []}
            policies: |
              apiVersion: networking.k8s.io/v1
              kind: NetworkPolicy
              metadata: {name: only-y, namespace: x}
              spec:
                podSelector: {matchLabels: {pod: a}}
                policyTypes: [Ingress]
                ingress:
                - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}}]
                  ports: [{port: 81, protocol: TCP}]
            expect:
            - {from: y/a, to: x/a, port: 81, protocol: TCP, allowed: true}
            - {from: x/b, to: x/a, port: 81, protocol: TCP, allowed: EXPECTED}
            """;

    @Test
    void passes_when_every_probe_gets_its_verdict() throws IOException {
        Path file = Files.writeString(temp.resolve("case.yaml"), CASE.replace("EXPECTED", "false"));
        CommandRun run = CommandRun.of("verify", file.toString());
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEqualTo("2 passed, 0 failed\n");
    }

    @Test
    void explains_a_probe_that_gets_another_verdict() throws IOException {
        Path file = Files.writeString(temp.resolve("case.yaml"), CASE.replace("EXPECTED", "true"));
        CommandRun run = CommandRun.of("verify", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("FAIL " + file + ": expected allowed: x/b -> x/a TCP/81: denied\n"
                + "    [generic egress networkpolicy] not isolated - no NetworkPolicy isolates x/b for egress\n"
                + "    [generic ingress networkpolicy] NetworkPolicy x/only-y: deny - x/a is isolated for ingress by"
                + " NetworkPolicy x/only-y, and no rule allows traffic from x/b on TCP/81; nearest: NetworkPolicy"
                + " x/only-y rule 0: peer 0 (namespaceSelector {kubernetes.io/metadata.name=y}): namespace x does not"
                + " match {kubernetes.io/metadata.name=y}: it has kubernetes.io/metadata.name=x (port TCP/81 would"
                + " match)\n"
                + "1 passed, 1 failed\n");
    }
}
