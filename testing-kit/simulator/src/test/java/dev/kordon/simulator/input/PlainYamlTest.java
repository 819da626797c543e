package dev.kordon.simulator.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The fast YAML reader gives exactly the mapper's trees, or leaves the text to the mapper. */
class PlainYamlTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Test
    void reads_a_network_policy_as_the_mapper_does() {
        // given
        String text = """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: ingress-1
                  namespace: ns-0001
                  labels:
                    app.kubernetes.io/name: shop
                spec:
                  podSelector:
                    matchExpressions:
                    - key: pod
                      operator: In
                      values: [pod-01, pod-07]
                  policyTypes: [Ingress]
                  ingress:
                  - from:
                    - namespaceSelector: {}
                      podSelector:
                        matchLabels:
                          app: "web"
                    # a comment
                    - ipBlock:
                        cidr: 192.168.3.0/24
                        except: ['192.168.3.0/28']
                    ports:
                    - protocol: TCP
                      port: 8080
                    - port: http
                      endPort: 0
                  selector: {app: web, tier: 'front'}
                  enabled: true
                  image: quay.io/x/y:1.2 with words
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: ns-0001
                """;

        // when
        Optional<List<JsonNode>> fast = PlainYaml.documents(text);

        // then
        assertThat(fast).isPresent();
        assertSame(fast.get(), mapped(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: true\n", "a: 'yes'\n", "a: yes\n", "a: null\n", "a: ~\n", "a: 0x1F\n", "a: 0755\n", "a: 1e3\n",
        "a: -1\n", "a: 1.5\n", "a: .inf\n", "a: 12345678901\n", "a:\n", "a: b\na: c\n", "a: &x b\n", "a: *x\n",
        "a: !!str 1\n", "a: |\n  b\n", "a: b\n  c\n", "a: b # c\n", "a: [b, [c]]\n", "a: {b: c}\n", "a:\tb\n",
        "a: b\r\n", "- a\n", "---\n", "a: b\n---\n", "a: b\n...\n", "%YAML 1.2\n---\na: b\n", "a: \"b\\n\"\n",
        "a: 'b''c'\n", "a: b:c\n", "a:\n  - b\n  c: d\n", "a:\n- b\n -c\n", "a: [b, ]\n", "'a': b\n", "a: \"b\n",
        "a: b\nc: d\n", "a:\n  b: 1\n  c: [x, 'y', \"z\"]\nd: []\n", "a:\n- b: 1\n  c: 2\n- d\n", "a:\n  - - b\n",
        "", "# only a comment\n", "a: b\n---\nc: d\n", "---\na: b\n---\nc: d\n", "a: 0\n", "a: 007\n", "a: Off\n",
        "a: 10.0.0.0/8\n", "a: 2001-12-14\n", "a: v1.2_3\n", "a:  b  \n", "\uFEFFa: b\n", "a: é\n", "a: \"é\"\n",
        "a: {b: c, d: 1}\n", "a: {b: c, b: d}\n", "a: {b: [c]}\n", "a: [b: c]\n", "a: http://x\n",
        "k8s:io.x: y\n", "a: b c\n", "a: true\nb: false\nc: True\n", "a: 1:30\n", "a: [a:b]\n", "a: {b:c}\n",
        "a: {b: }\n", "a: - b\n", "a: /x\n", "a: b#c\n", "a: [true, 1, x y, '']\n", "a: ''\n", "a b: c\n",
        "a: {}\nb: []\n", "- a: b\n", "a:\n  - b: c\n    d:\n    - e\n  - f\n", "a: b\u2028c\n",
        "a: b\n---\n---\nc: d\n", "a: b\n---\n# c\n---\nc: d\n", "---\n---\na: b\n"})
    void gives_the_mappers_tree_or_nothing(String text) {
        // when
        Optional<List<JsonNode>> fast = PlainYaml.documents(text);

        // then
        fast.ifPresent(documents -> assertSame(documents, mapped(text)));
    }

    @Test
    void gives_the_mappers_tree_for_every_yaml_file_of_the_repository() throws IOException {
        // given
        Path root = Path.of("").toAbsolutePath();
        while (root.getParent() != null && !Files.exists(root.resolve("samples"))) {
            root = root.getParent();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(file -> !file.toString().contains("/target/"))
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml")).toList();
        }
        int read = 0;

        // when
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Optional<List<JsonNode>> fast = PlainYaml.documents(text);

            // then
            if (fast.isPresent()) {
                read++;
                assertSame(fast.get(), mapped(text));
            }
        }
        assertThat(read).as("files in the plain subset").isGreaterThan(files.size() / 4);
    }

    private static void assertSame(List<JsonNode> fast, List<JsonNode> mapped) {
        assertThat(fast).isEqualTo(mapped);
        assertThat(fast.toString()).isEqualTo(mapped.toString());
        for (int i = 0; i < fast.size(); i++) {
            assertSameTypes(fast.get(i), mapped.get(i));
        }
    }

    private static void assertSameTypes(JsonNode fast, JsonNode mapped) {
        assertThat(fast.getClass()).isEqualTo(mapped.getClass());
        if (fast.isObject()) {
            fast.properties().forEach(entry -> assertSameTypes(entry.getValue(), mapped.get(entry.getKey())));
        } else if (fast.isArray()) {
            for (int i = 0; i < fast.size(); i++) {
                assertSameTypes(fast.get(i), mapped.get(i));
            }
        }
    }

    private static List<JsonNode> mapped(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (iterator.hasNextValue()) {
                documents.add(iterator.nextValue());
            }
        } catch (JacksonException e) {
            throw new AssertionError("the mapper rejects a text the fast reader read: " + e.getOriginalMessage(), e);
        }
        return documents;
    }
}
