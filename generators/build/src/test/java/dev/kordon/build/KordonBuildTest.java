package dev.kordon.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.build.fixture.ShopPolicies;
import dev.kordon.generators.OutputDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build tasks on a project whose compiled classes declare the shop's policy sets. */
class KordonBuildTest {

    private static final Path CLASSES = Path.of("target", "test-classes");
    private static final List<Path> CLUSTER = List.of(Path.of("src", "test", "resources", "cluster"));
    private static final List<String> TARGETS = List.of("cilium", "kubernetes");

    @TempDir
    Path temp;

    private List<Path> classpath;
    private Path output;

    @BeforeEach
    void a_project_that_registers_the_shop() throws IOException {
        // the project's classes: the shop fixture's, and a service file that registers it (and nothing else)
        Path classes = temp.resolve("classes");
        Path fixture = Path.of(ShopPolicies.class.getPackageName().replace('.', '/'));
        Files.createDirectories(classes.resolve(fixture));
        try (Stream<Path> files = Files.list(CLASSES.resolve(fixture))) {
            for (Path file : files.toList()) {
                Files.copy(file, classes.resolve(fixture).resolve(file.getFileName()));
            }
        }
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(classes.resolve(ProjectPolicies.SERVICE_FILE), ShopPolicies.class.getName() + "\n");
        classpath = List.of(classes);
        output = temp.resolve("kordon");
    }

    @Test
    void generates_every_target_and_leaves_unchanged_targets_untouched() {
        // given
        KordonBuild build = new KordonBuild();
        GenerateRequest request = new GenerateRequest(classpath, List.of(), TARGETS, output);

        // when
        GenerateResult first = build.generate(request);
        GenerateResult second = build.generate(request);

        // then
        assertThat(first.outcomes()).containsEntry("cilium", OutputDirectory.Outcome.WRITTEN);
        assertThat(second.outcomes()).containsEntry("cilium", OutputDirectory.Outcome.UNCHANGED)
                .containsEntry("kubernetes", OutputDirectory.Outcome.UNCHANGED);
        assertThat(second.summary()).containsExactly("cilium: 8 objects unchanged", "kubernetes: 8 objects unchanged");
        assertThat(output.resolve("cilium/kustomization.yaml")).isRegularFile();
    }

    @Test
    void an_unknown_target_names_the_known_ones() {
        assertThatThrownBy(() -> new KordonBuild().generate(new GenerateRequest(classpath, List.of(),
                List.of("cilum"), output))).isInstanceOf(BuildException.class).hasMessage("unknown target 'cilum'\n"
                + "  fix: use targets among kubernetes, kubernetes+istio, kubernetes+cnp, kubernetes+cnp+istio,"
                + " kubernetes+anp, kubernetes+anp+istio, calico, calico+istio, cilium, cilium+istio");
    }

    @Test
    void an_unknown_policy_set_names_the_known_ones() {
        assertThatThrownBy(() -> new KordonBuild().generate(new GenerateRequest(classpath, List.of("shoop"), TARGETS,
                output))).hasMessage("unknown policy set 'shoop'\n  fix: use policy sets among shop");
    }

    @Test
    void a_project_without_a_provider_says_how_to_register_one() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertThatThrownBy(() -> new KordonBuild().generate(new GenerateRequest(List.of(empty), List.of(), TARGETS,
                output))).hasMessage("no policy set provider registered in " + empty + "\n  fix: implement"
                + " dev.kordon.dsl.spi.PolicySetProvider with a public no-argument constructor and list its class"
                + " name in src/main/resources/META-INF/services/dev.kordon.dsl.spi.PolicySetProvider");
    }

    @Test
    void no_drift_when_the_committed_manifests_are_the_generated_ones() {
        // given
        new KordonBuild().generate(new GenerateRequest(classpath, List.of(), TARGETS, output));

        // when
        VerifyResult result = new KordonBuild().verify(verify(Optional.of(output), Optional.empty(), false));

        // then
        assertThat(result.failed()).isFalse();
        assertThat(result.drift()).isEmpty();
    }

    @Test
    void lists_every_file_that_drifted() throws IOException {
        // given
        new KordonBuild().generate(new GenerateRequest(classpath, List.of(), TARGETS, output));
        Path edited = output.resolve("cilium/kustomization.yaml");
        Files.writeString(edited, Files.readString(edited).replace("kind: Kustomization", "kind: Edited"));
        Files.writeString(output.resolve("cilium/shop/old.yaml"), "# of a deleted intent\n");
        Files.delete(output.resolve("kubernetes/fidelity.txt"));

        // when
        VerifyResult result = new KordonBuild().verify(verify(Optional.of(output), Optional.empty(), false));

        // then
        assertThat(result.drift()).containsExactly(
                "cilium/kustomization.yaml: differs from the generated file (line 2: committed 'kind: Edited',"
                        + " generated 'kind: Kustomization')",
                "cilium/shop/old.yaml: committed, no longer generated",
                "kubernetes/fidelity.txt: generated, not committed");
        assertThat(result.failed()).isTrue();
        assertThat(result.failure()).startsWith("the committed manifests differ from the generated ones (3"
                + " differences):");
    }

    @Test
    void the_gate_writes_the_baseline_on_request_then_passes() {
        // given
        Path baseline = temp.resolve("baseline");

        // when
        VerifyResult written = new KordonBuild().verify(verify(Optional.empty(), Optional.of(baseline), true));
        VerifyResult checked = new KordonBuild().verify(verify(Optional.empty(), Optional.of(baseline), false));

        // then
        assertThat(written.updated()).containsExactly(baseline.resolve("cilium.txt").toString(),
                baseline.resolve("kubernetes.txt").toString());
        assertThat(checked.failed()).isFalse();
        assertThat(checked.narrowed()).isEmpty();
    }

    @Test
    void the_gate_fails_on_widened_access_and_reports_narrowed_access() throws IOException {
        // given
        Path baseline = temp.resolve("baseline");
        new KordonBuild().verify(verify(Optional.empty(), Optional.of(baseline), true));
        Path cilium = baseline.resolve("cilium.txt");
        String text = Files.readString(cilium);
        Files.writeString(cilium, text.replace("shop/backend[Deployment] => shop/database[StatefulSet] : TCP 5432\n",
                "shop/frontend[Deployment] => shop/database[StatefulSet] : TCP 5432\n")
                .replace("shop/backend[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53",
                        "shop/backend[Deployment] => kube-system/coredns[Deployment] : UDP 53"));

        // when
        VerifyResult result = new KordonBuild().verify(verify(Optional.empty(), Optional.of(baseline), false));

        // then
        assertThat(result.widened()).containsExactly(
                "cilium: shop/backend[Deployment] => kube-system/coredns[Deployment] : TCP 53 (more than the baseline)",
                "cilium: shop/backend[Deployment] => shop/database[StatefulSet] : TCP 5432 (new)");
        assertThat(result.narrowed()).containsExactly(
                "cilium: shop/frontend[Deployment] => shop/database[StatefulSet] : TCP 5432 (gone)");
        assertThat(result.failure()).isEqualTo("access widened against the reachability baseline (2 connections):\n"
                + "  + cilium: shop/backend[Deployment] => kube-system/coredns[Deployment] : TCP 53 (more than the"
                + " baseline)\n"
                + "  + cilium: shop/backend[Deployment] => shop/database[StatefulSet] : TCP 5432 (new)\n"
                + "  fix: if the new access is intended, run with -Dkordon.updateBaseline and commit the baseline;"
                + " otherwise narrow the policies");
    }

    @Test
    void the_baseline_records_the_http_requests_that_get_through_where_the_plain_connection_does_not()
            throws IOException {
        // given
        Path baseline = temp.resolve("baseline");

        // when
        new KordonBuild().verify(verify(Optional.empty(), Optional.of(baseline), true));

        // then: cilium enforces the backend's HTTP rules, kubernetes (L4 only, accepted) lets every request through
        assertThat(Files.readString(baseline.resolve("cilium.txt"))).endsWith(ReachabilityBaseline.HTTP_HEADER + "\n"
                + "shop/frontend[Deployment] => shop/backend[Deployment] : TCP 8080 GET /api/x\n"
                + "shop/frontend[Deployment] => shop/backend[Deployment] : TCP 8080 POST /api/orders\n");
        assertThat(Files.readString(baseline.resolve("kubernetes.txt"))).doesNotContain("GET /api/x")
                .contains("shop/frontend[Deployment] => shop/backend[Deployment] : TCP 8080\n");
    }

    @Test
    void the_gate_fails_when_an_http_request_gets_through_that_the_baseline_does_not_have() throws IOException {
        // given
        Path baseline = temp.resolve("baseline");
        new KordonBuild().verify(verify(Optional.empty(), Optional.of(baseline), true));
        Path cilium = baseline.resolve("cilium.txt");
        Files.writeString(cilium, Files.readString(cilium).replace(
                "shop/frontend[Deployment] => shop/backend[Deployment] : TCP 8080 POST /api/orders\n", ""));

        // when
        VerifyResult result = new KordonBuild().verify(verify(Optional.empty(), Optional.of(baseline), false));

        // then
        assertThat(result.widened()).containsExactly("cilium: shop/frontend[Deployment] => shop/backend[Deployment] :"
                + " TCP 8080 POST /api/orders (new HTTP request allowed)");
    }

    @Test
    void a_missing_baseline_fails_and_says_how_to_write_it() {
        Path baseline = temp.resolve("none");
        VerifyResult result = new KordonBuild().verify(verify(Optional.empty(), Optional.of(baseline), false));
        assertThat(result.widened()).contains("cilium: no baseline at " + baseline.resolve("cilium.txt") + " (run with"
                + " -Dkordon.updateBaseline to write it, review it and commit it)");
    }

    @Test
    void an_unreadable_baseline_line_is_named() throws IOException {
        Path baseline = temp.resolve("baseline");
        new KordonBuild().verify(verify(Optional.empty(), Optional.of(baseline), true));
        Files.writeString(baseline.resolve("cilium.txt"), "shop/a[Pod] => shop/b[Pod] : TCP eighty\n");
        assertThatThrownBy(() -> new KordonBuild().verify(verify(Optional.empty(), Optional.of(baseline), false)))
                .isInstanceOf(BuildException.class).hasMessage("the baseline " + baseline.resolve("cilium.txt")
                        + " line 1 cannot be read: not a connection list: 'TCP eighty' (expected 'All Connections',"
                        + " 'No Connections' or e.g. 'TCP 80,443,UDP 53')\n  fix: correct the line, or rewrite the"
                        + " baseline with -Dkordon.updateBaseline");
    }

    @Test
    void the_gate_needs_a_cluster() {
        assertThatThrownBy(() -> new KordonBuild().verify(new VerifyRequest(classpath, List.of(), TARGETS,
                Optional.empty(), List.of(), Optional.of(temp), false))).hasMessage("the reachability gate needs the"
                + " cluster's workloads\n  fix: name the workload manifests (Namespaces, Deployments, …) in <cluster>,"
                + " or drop <baseline>");
    }

    private VerifyRequest verify(Optional<Path> committed, Optional<Path> baseline, boolean update) {
        return new VerifyRequest(classpath, List.of(), TARGETS, committed, CLUSTER, baseline, update);
    }
}
