package dev.kordon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path temp;

    private static String testClasses() {
        try {
            return Path.of(TestPolicies.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private long files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void writes_the_manifests_and_prints_the_fidelity_report() throws IOException {
        // given
        Path out = temp.resolve("out");
        // when the application set is generated for plain NetworkPolicy
        CommandRun run = CommandRun.of("generate", "--classpath", testClasses(), "--set", "orders",
                "--target", "kubernetes", "--output", out.toString());
        // then the report is printed and the files are written
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEqualTo("fidelity on target kubernetes: 2 intents, 2 exact, 0 accepted downgrades,"
                + " 0 problems\n  wrote 3 objects in " + out.resolve("kubernetes") + "\n\n"
                + "1 target, 3 objects, written to " + out + "\n");
        assertThat(out.resolve("kubernetes/kustomization.yaml")).exists();
        assertThat(out.resolve("kubernetes/orders/networkpolicy-orders-allow-web-to-api-egress.yaml")).exists();
        assertThat(files(out)).isEqualTo(6);
    }

    @Test
    void says_when_nothing_changed() {
        Path out = temp.resolve("out");
        String[] args = {"generate", "--classpath", testClasses(), "--set", "orders", "--target", "kubernetes",
            "--output", out.toString()};
        CommandRun.of(args);
        assertThat(CommandRun.of(args).out()).contains("  unchanged: 3 objects in " + out.resolve("kubernetes"));
    }

    @Test
    void refuses_a_target_that_cannot_enforce_an_intent_and_writes_nothing() {
        // given a guardrail, which plain NetworkPolicy cannot express
        Path out = temp.resolve("out");
        // when
        CommandRun run = CommandRun.of("generate", "--classpath", testClasses(), "--target", "kubernetes",
                "--output", out.toString());
        // then every problem is printed with its fix, and no file is written
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("kordon: cannot generate without widening or narrowing intents\n"
                + "- kubernetes: guardrails/block-metadata (TestPolicies.java:")
                .contains("unsupported admin-deny [kubernetes]: NetworkPolicy has no cluster-wide tiers, priorities,"
                        + " denies or pass\n    fix: use kubernetes+cnp, kubernetes+anp, calico or cilium");
        assertThat(out).doesNotExist();
    }

    @Test
    void names_unknown_targets_and_the_known_ones() {
        CommandRun run = CommandRun.of("generate", "--classpath", testClasses(), "--target", "kubernets",
                "--target", "ciliumm", "--output", temp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("kordon: unknown targets 'kubernets', 'ciliumm'\n  fix: use one of kubernetes,"
                + " kubernetes+istio, kubernetes+cnp,");
    }

    @Test
    void prints_what_the_manifests_allow_on_a_cluster() throws IOException {
        // given the orders set's workloads as a Deployment manifest
        Path workloads = workloads();
        // when
        CommandRun run = CommandRun.of("generate", "--classpath", testClasses(), "--set", "orders", "--target",
                "kubernetes", "--output", temp.resolve("out").toString(), "--cluster", workloads.toString());
        // then the report is followed by the simulated reachability of the generated policies
        assertThat(run.err()).isEmpty();
        // (the namespace is isolated for ingress only, so api reaches everything outside; web may reach only api)
        assertThat(run.out()).contains("  reachability on kubernetes (simulated; connections without an HTTP request):\n"
                + "    orders/api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections\n"
                + "    orders/web[Deployment] => orders/api[Deployment] : TCP 8080\n  wrote 3 objects");
    }

    @Test
    void prints_the_reachability_under_the_profile_options_of_the_targets_they_apply_to() throws IOException {
        // given
        Path workloads = workloads();
        String[] args = {"generate", "--classpath", testClasses(), "--set", "orders", "--target", "cilium", "--target",
            "kubernetes", "--output", temp.resolve("out").toString(), "--cluster", workloads.toString()};

        // when: Cilium puts every endpoint in default deny, even the unselected api's egress
        CommandRun byDefault = CommandRun.of(args);
        CommandRun always = CommandRun.of(concat(args, "--cilium-policy-enforcement", "always"));

        // then
        assertThat(always.err()).isEmpty();
        assertThat(byDefault.out()).contains("reachability on cilium (simulated; connections without an HTTP"
                + " request):\n    orders/api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections\n");
        assertThat(always.out()).contains("reachability on cilium (simulated; connections without an HTTP"
                + " request):\n    orders/web[Deployment] => orders/api[Deployment] : TCP 8080\n  unchanged").contains("reachability on kubernetes (simulated; connections without an HTTP"
                + " request):\n    orders/api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections\n");
    }

    @Test
    void a_profile_option_needs_the_cluster_and_a_target_it_applies_to() throws IOException {
        // when
        CommandRun noCluster = CommandRun.of("generate", "--classpath", testClasses(), "--set", "orders", "--target",
                "calico", "--output", temp.resolve("out").toString(), "--calico-http-prefixes", "raw");
        CommandRun noTarget = CommandRun.of("generate", "--classpath", testClasses(), "--set", "orders", "--target",
                "kubernetes", "--output", temp.resolve("out").toString(), "--cluster", workloads().toString(),
                "--calico-http-prefixes", "raw");

        // then
        assertThat(noCluster.exitCode()).isEqualTo(2);
        assertThat(noCluster.err()).isEqualTo("""
                kordon: 1 problem in the input:
                - --calico-http-prefixes: changes nothing without --cluster: no target is simulated
                    fix: drop --calico-http-prefixes, or give the cluster's workloads with --cluster
                """);
        assertThat(noTarget.exitCode()).isEqualTo(2);
        assertThat(noTarget.err()).isEqualTo("""
                kordon: 1 problem in the input:
                - --calico-http-prefixes: changes nothing here: it applies to calico only
                    fix: drop --calico-http-prefixes, or add a calico target (--target)
                """);
        assertThat(temp.resolve("out")).doesNotExist();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private Path workloads() throws IOException {
        return Files.writeString(temp.resolve("workloads.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: orders}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {serviceAccountName: web, containers: [{name: web, image: web}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: orders}
                spec:
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec: {containers: [{name: api, image: api, ports: [{containerPort: 8080}]}]}
                """);
    }
}
