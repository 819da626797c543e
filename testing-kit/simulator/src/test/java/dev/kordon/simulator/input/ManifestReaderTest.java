package dev.kordon.simulator.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A large multi-document YAML text is read on every processor; what it reads, and every error it reports, are
 * those of reading it in one pass.
 */
class ManifestReaderTest {

    private static final String TRICKY = """
            # a comment before the marker
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: text-%d
            data:
              script: |
                echo "--- not a marker, indented"
                ---not-a-marker-either
              other: "quoted --- text"
            ...
            ---
            ---
            apiVersion: v1
            kind: PodList
            items:
            - metadata: {name: pod-%d, namespace: ns}
            --- {apiVersion: v1, kind: Namespace, metadata: {name: ns-%d}}
            """;

    @Test
    void a_large_text_reads_the_same_objects_as_its_documents_read_one_by_one() {
        // given
        StringBuilder whole = new StringBuilder();
        List<Manifest> oneByOne = new ArrayList<>();
        Problems separately = new Problems();
        for (int i = 0; i < 2000; i++) {
            String part = TRICKY.formatted(i, i, i);
            whole.append(part);
            oneByOne.addAll(new ManifestReader().read("part.yaml", part, separately));
        }
        Problems problems = new Problems();

        // when
        List<Manifest> read = new ManifestReader().read("whole.yaml", whole.toString(), problems);

        // then
        assertThat(problems.all()).isEmpty();
        assertThat(separately.all()).isEmpty();
        assertThat(read).hasSize(6000);
        assertThat(read.stream().map(m -> m.kind() + " " + m.name() + " " + m.body()).toList())
                .containsExactlyElementsOf(oneByOne.stream().map(m -> m.kind() + " " + m.name() + " " + m.body())
                        .toList());
        assertThat(read.get(5999).document()).isEqualTo(6000);
    }

    @Test
    void an_error_in_a_large_text_names_the_document_and_line_of_the_whole_text() {
        // given
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-").append(i).append("\n");
            if (i == 2000) {
                text.append("  labels: {a: [unclosed\n");
            }
        }
        Problems problems = new Problems();

        // when
        List<Manifest> read = new ManifestReader().read("broken.yaml", text.toString(), problems);

        // then
        assertThat(read).isEmpty();
        assertThat(problems.all()).singleElement().satisfies(problem -> {
            assertThat(problem.object()).isEqualTo("document 2001");
            assertThat(problem.message()).startsWith("is not valid YAML or JSON: ");
            assertThat(problem.hint()).isEqualTo("fix the syntax at line 10006");
        });
    }
}
