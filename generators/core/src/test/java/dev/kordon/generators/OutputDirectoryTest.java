package dev.kordon.generators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

    @TempDir
    Path dir;

    private static Generation generation() {
        return new Generator().generate(List.of(Fixtures.seedBackend()), Targets.parse("kubernetes"));
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(path -> dir.relativize(path).toString()).sorted().toList();
        }
    }

    @Test
    void writes_every_file_of_every_target() throws IOException {
        // when
        var outcome = new OutputDirectory(dir).write(List.of(generation()));
        // then
        assertThat(outcome).containsEntry("kubernetes", OutputDirectory.Outcome.WRITTEN);
        assertThat(listing()).containsExactly("kubernetes/fidelity.json", "kubernetes/fidelity.txt",
                "kubernetes/kustomization.yaml",
                "kubernetes/production/networkpolicy-seed-allow-frontend-to-backend-ingress.yaml");
        assertThat(Files.readString(dir.resolve("kubernetes/kustomization.yaml")))
                .isEqualTo(generation().files().get("kubernetes/kustomization.yaml"));
    }

    @Test
    void leaves_an_unchanged_target_untouched() throws IOException {
        // given a first write, with an old time on one file
        new OutputDirectory(dir).write(List.of(generation()));
        Path kustomization = dir.resolve("kubernetes/kustomization.yaml");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(kustomization, old);
        // when the same generation is written again
        var outcome = new OutputDirectory(dir).write(List.of(generation()));
        // then nothing is rewritten
        assertThat(outcome).containsEntry("kubernetes", OutputDirectory.Outcome.UNCHANGED);
        assertThat(Files.getLastModifiedTime(kustomization)).isEqualTo(old);
    }

    @Test
    void removes_files_of_intents_that_no_longer_exist() throws IOException {
        // given a stale file from an earlier run
        Files.createDirectories(dir.resolve("kubernetes/production"));
        Files.writeString(dir.resolve("kubernetes/production/networkpolicy-seed-deleted-intent-ingress.yaml"), "x\n");
        // when
        new OutputDirectory(dir).write(List.of(generation()));
        // then it is gone, and no staging folder is left behind
        assertThat(listing()).doesNotContain("kubernetes/production/networkpolicy-seed-deleted-intent-ingress.yaml")
                .hasSize(4);
        try (Stream<Path> top = Files.list(dir)) {
            assertThat(top.map(path -> path.getFileName().toString())).containsExactly("kubernetes");
        }
    }

    @Test
    void leaves_other_folders_alone() throws IOException {
        Files.createDirectories(dir.resolve("cilium"));
        Files.writeString(dir.resolve("cilium/keep.yaml"), "x\n");
        new OutputDirectory(dir).write(List.of(generation()));
        assertThat(listing()).contains("cilium/keep.yaml");
    }
}
