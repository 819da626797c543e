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
}
