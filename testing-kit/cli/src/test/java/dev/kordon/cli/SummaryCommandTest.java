package dev.kordon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.PolicySet;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {

    private static final String SERVICE_FILE = "META-INF/services/dev.kordon.dsl.spi.PolicySetProvider";

    @TempDir
    Path temp;

    @Test
    void prints_summary_of_every_policy_set() {
        // given
        List<PolicySet> sets = new TestPolicies().policySets();
        PolicySet guardrails = sets.get(1);
        PolicySet orders = sets.get(0);

        // when
        CommandRun run = CommandRun.of("summary", "--classpath", testClasses());

        // then
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEqualTo(guardrails.toString().stripTrailing() + "\n\n"
                + orders.toString().stripTrailing() + "\n\n"
                + "2 policy sets, 3 intents, valid\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void prints_the_same_text_on_every_run() {
        // given
        String[] args = {"summary", "--classpath", testClasses()};

        // when
        CommandRun first = CommandRun.of(args);
        CommandRun second = CommandRun.of(args);

        // then
        assertThat(second).isEqualTo(first);
    }

    @Test
    void prints_only_the_policy_sets_named_with_set() {
        // given
        String[] args = {"summary", "--classpath", testClasses(), "--set", "orders"};

        // when
        CommandRun run = CommandRun.of(args);

        // then
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("policy set orders ").doesNotContain("guardrails")
                .endsWith("\n\n1 policy set, 2 intents, valid\n");
    }

    @Test
    void rejects_an_unknown_set_name_listing_the_available_ones() {
        // given
        String[] args = {"summary", "--classpath", testClasses(), "--set", "orders", "--set", "payments"};

        // when
        CommandRun run = CommandRun.of(args);

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no policy set named 'payments'")
                .contains("available names: guardrails, orders");
    }

    @Test
    void reports_every_problem_of_an_invalid_policy_set() throws IOException {
        // given
        Path registration = servicesDirectory("dev.kordon.cli.InvalidPolicies");

        // when
        CommandRun run = CommandRun.of("summary", "--classpath", testClasses(), "--classpath", registration.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("kordon: policy set 'broken' has 2 problems:")
                .contains("port out of range 1..65535: 70000")
                .contains("CIDR has bits set after its prefix: '10.0.0.1/8'")
                .contains("InvalidPolicies.java:");
    }

    @Test
    void rejects_a_missing_classpath_entry_naming_it() {
        // given
        String missing = temp.resolve("no-such-dir").toString();

        // when
        CommandRun run = CommandRun.of("summary", "--classpath", missing);

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("classpath entry does not exist: " + missing).contains("mvn package");
    }

    @Test
    void rejects_a_file_that_is_neither_a_directory_nor_a_jar() throws IOException {
        // given
        Path notes = Files.writeString(temp.resolve("notes.txt"), "not classes");

        // when
        CommandRun run = CommandRun.of("summary", "--classpath", notes.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("neither a directory nor a .jar file: " + notes);
    }

    @Test
    void rejects_a_directory_without_providers_and_says_how_to_register_one() throws IOException {
        // given
        Path classes = Files.createDirectory(temp.resolve("classes"));

        // when
        CommandRun run = CommandRun.of("summary", "--classpath", classes.toString());

        // then: the providers on the command's own class path stay invisible
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no policy set provider found on the classpath " + classes)
                .contains("src/main/resources/" + SERVICE_FILE);
    }

    @Test
    void reports_a_provider_that_cannot_be_instantiated() throws IOException {
        // given
        Path registration = servicesDirectory("dev.kordon.cli.FailingPolicies");

        // when
        CommandRun run = CommandRun.of("summary", "--classpath", testClasses(), "--classpath", registration.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot load policy sets").contains("dev.kordon.cli.FailingPolicies");
    }

    @Test
    void reports_a_registered_provider_class_that_is_not_on_the_classpath() throws IOException {
        // given
        Path registration = servicesDirectory("com.example.MissingPolicies");

        // when
        CommandRun run = CommandRun.of("summary", "--classpath", registration.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot load policy sets").contains("com.example.MissingPolicies");
    }

    @Test
    void accepts_entries_joined_with_the_path_separator() throws IOException {
        // given
        Path empty = Files.createDirectory(temp.resolve("empty"));
        String joined = empty + File.pathSeparator + testClasses();

        // when
        CommandRun run = CommandRun.of("summary", "--classpath", joined);

        // then
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).endsWith("2 policy sets, 3 intents, valid\n");
    }

    @Test
    void loads_providers_from_a_jar() throws IOException {
        // given
        Path jar = policiesJar(temp.resolve("policies.jar"));

        // when
        CommandRun run = CommandRun.of("summary", "--classpath", jar.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).endsWith("2 policy sets, 3 intents, valid\n");
    }

    @Test
    void expands_a_wildcard_to_every_jar_of_a_directory() throws IOException {
        // given
        Path lib = Files.createDirectory(temp.resolve("lib"));
        policiesJar(lib.resolve("policies.jar"));
        Files.writeString(lib.resolve("README.txt"), "not a jar");

        // when
        CommandRun run = CommandRun.of("summary", "--classpath", lib + File.separator + "*");

        // then
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).endsWith("2 policy sets, 3 intents, valid\n");
    }

    @Test
    void looks_on_its_own_class_path_without_a_classpath_option() {
        // given: the test classes, with TestPolicies registered, are on the command's own class path

        // when
        CommandRun run = CommandRun.of("summary");

        // then
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).endsWith("2 policy sets, 3 intents, valid\n");
    }

    private static String testClasses() {
        try {
            return Path.of(TestPolicies.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A directory holding only a services file that registers {@code providerClass}. */
    private Path servicesDirectory(String providerClass) throws IOException {
        Path directory = temp.resolve("registration");
        Path file = directory.resolve(SERVICE_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, providerClass + "\n");
        return directory;
    }

    /** A jar with {@link TestPolicies} and its registration, as a user's build would produce. */
    private static Path policiesJar(Path jar) throws IOException {
        String classFile = TestPolicies.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(SERVICE_FILE));
            out.write((TestPolicies.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry(classFile));
            out.write(Files.readAllBytes(Path.of(testClasses(), classFile)));
        }
        return jar;
    }
}
