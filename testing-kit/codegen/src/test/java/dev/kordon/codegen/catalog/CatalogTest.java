package dev.kordon.codegen.catalog;

import static dev.kordon.dsl.Kordon.labels;
import static dev.kordon.dsl.Kordon.tcp;
import static dev.kordon.dsl.Kordon.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.codegen.Compiled;
import dev.kordon.codegen.GeneratedSource;
import dev.kordon.codegen.Golden;
import dev.kordon.dsl.Workload;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.InputProblem;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    private static final Path SHOP = Path.of("../../samples/shop/k8s");
    private static final Path HELM = Path.of("src/test/resources/catalog/helm");
    private static final Path IDENTIFIERS = Path.of("src/test/resources/catalog/identifiers");

    private static GeneratedSource catalog(List<Path> inputs) {
        return new Catalog().generate(new CatalogRequest(inputs, "dev.kordon.samples.shop", "Workloads"));
    }

    @Test
    void generates_the_shop_samples_workloads() {
        // when
        GeneratedSource source = catalog(List.of(SHOP));

        // then
        Golden.assertFile("catalog/shop/Workloads.java", source.text());
    }

    @Test
    void reads_helm_template_output_and_list_kinds() {
        // when
        GeneratedSource source = new Catalog().generate(new CatalogRequest(List.of(HELM), "com.example.payments",
                "PaymentsWorkloads", "payments"));

        // then
        Golden.assertFile("catalog/helm/PaymentsWorkloads.java", source.text());
    }

    @Test
    void derives_distinct_identifiers_from_colliding_and_digit_names() {
        // when
        GeneratedSource source = new Catalog().generate(new CatalogRequest(List.of(IDENTIFIERS), "com.example",
                "Workloads"));

        // then
        Golden.assertFile("catalog/identifiers/Workloads.java", source.text());
    }

    @Test
    void generated_catalog_compiles_and_holds_the_workloads(@TempDir Path dir) throws Exception {
        // given
        List<GeneratedSource> sources = List.of(catalog(List.of(SHOP)),
                new Catalog().generate(new CatalogRequest(List.of(HELM), "com.example.payments", "PaymentsWorkloads",
                        "payments")),
                new Catalog().generate(new CatalogRequest(List.of(IDENTIFIERS), "com.example", "Workloads")));

        // when
        try (URLClassLoader loader = Compiled.compile(sources, dir)) {
            Object frontend = loader.loadClass("dev.kordon.samples.shop.Workloads$Shop").getField("FRONTEND")
                    .get(null);

            // then
            Workload expected = workload("shop", "frontend", labels("app", "frontend"))
                    .withServiceAccount("frontend").withPort("http", tcp(8080));
            assertThat(frontend).isEqualTo(expected);
        }
    }

    @Test
    void is_byte_identical_whatever_the_input_order_and_the_default_locale(@TempDir Path dir) throws IOException {
        // given
        Path first = Files.copy(HELM.resolve("rendered.yaml"), dir.resolve("b.yaml"));
        Path second = Files.copy(HELM.resolve("list.yaml"), dir.resolve("a.yaml"));
        CatalogRequest forward = new CatalogRequest(List.of(first, second, SHOP), "p", "Workloads");
        CatalogRequest backward = new CatalogRequest(List.of(SHOP, second, first), "p", "Workloads");
        String expected = new Catalog().generate(forward).text();
        Locale before = Locale.getDefault();
        try {
            // when
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            String turkish = new Catalog().generate(backward).text();

            // then
            assertThat(turkish).isEqualTo(expected).contains("PAYMENTS_API").doesNotContain("İ");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void rejects_workload_without_labels(@TempDir Path dir) throws IOException {
        // given
        Path file = write(dir, "job.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate, namespace: shop}
                spec:
                  template:
                    spec:
                      containers: [{name: migrate, image: m}]
                """);

        // when, then
        assertThat(problems(file)).containsExactly(new InputProblem(file.toString(), "Job shop/migrate",
                "spec.template.metadata.labels", "is missing: no policy can select these pods",
                "give the pods at least one label that identifies them, e.g. app: migrate"));
    }

    @Test
    void rejects_deployment_without_selector(@TempDir Path dir) throws IOException {
        // given
        Path file = write(dir, "web.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: w}]}
                """);

        // when, then
        assertThat(problems(file)).containsExactly(new InputProblem(file.toString(), "Deployment shop/web",
                "spec.selector", "is missing", "set spec.selector.matchLabels to the labels of"
                + " spec.template.metadata.labels that identify this workload's pods"));
    }

    @Test
    void rejects_malformed_yaml(@TempDir Path dir) throws IOException {
        // given
        Path file = write(dir, "broken.yaml", "apiVersion: v1\nkind: [Namespace\n");

        // when
        List<InputProblem> problems = problems(file);

        // then
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(file.toString());
            assertThat(problem.object()).isEqualTo("document 1");
            assertThat(problem.message()).startsWith("is not valid YAML or JSON");
            assertThat(problem.hint()).startsWith("fix the syntax at line");
        });
    }

    @Test
    void rejects_two_workloads_with_the_same_namespace_and_name(@TempDir Path dir) throws IOException {
        // given
        Path file = write(dir, "twice.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: w}]}}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web-db}}
                  template: {metadata: {labels: {app: web-db}}, spec: {containers: [{name: db, image: d}]}}
                """);

        // when, then
        assertThat(problems(file)).containsExactly(new InputProblem(file.toString(), "StatefulSet shop/web",
                "metadata.name", "names the workload shop/web a second time (also Deployment shop/web, " + file
                + " document 1)", "keep one of them, or rename one: the catalog knows a workload by its namespace and"
                + " name"));
    }

    @Test
    void reports_every_problem_of_the_input_at_once(@TempDir Path dir) throws IOException {
        // given
        Path file = write(dir, "many.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: w, ports: [{name: http, containerPort: 80, protocol: tcp}]}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: debug, namespace: shop}
                spec: {containers: [{name: sh, image: busybox}]}
                """);

        // when, then
        assertThat(problems(file)).extracting(InputProblem::object, InputProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Deployment shop/web", "spec.selector"),
                org.assertj.core.groups.Tuple.tuple("Deployment shop/web",
                        "spec.template.spec.containers[0].ports[0].protocol"),
                org.assertj.core.groups.Tuple.tuple("Pod shop/debug", "metadata.labels"));
    }

    private static List<InputProblem> problems(Path file) {
        try {
            catalog(List.of(file));
        } catch (InputException e) {
            return e.problems();
        }
        throw new AssertionError("expected the catalog to reject " + file);
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void refuses_a_class_name_that_is_not_a_java_identifier() {
        assertThatThrownBy(() -> new CatalogRequest(List.of(SHOP), "com.example", "class"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a Java class name: 'class'");
    }
}
