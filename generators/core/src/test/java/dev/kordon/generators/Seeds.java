package dev.kordon.generators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.generators.manifest.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** The seed article's manifests (src/test/resources/seed) and the comparison of parsed trees against them. */
public final class Seeds {

    private Seeds() {
    }

    /** The parsed seed manifest. */
    public static JsonNode read(String file) {
        try (InputStream in = Seeds.class.getClassLoader().getResourceAsStream("seed/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing seed manifest " + file);
            }
            return Yaml.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that the generated object says what the seed manifest says: the same {@code apiVersion}, {@code kind},
     * namespace and parsed {@code spec}. Names, labels and annotations are Kordon's own and are not compared.
     */
    public static void assertSameAsSeed(Resource generated, String file) {
        JsonNode seed = read(file);
        JsonNode actual = Yaml.read(Yaml.write(generated.body()));
        assertThat(actual.path("apiVersion")).isEqualTo(seed.path("apiVersion"));
        assertThat(actual.path("kind")).isEqualTo(seed.path("kind"));
        assertThat(actual.path("metadata").path("namespace")).as("namespace")
                .isEqualTo(seed.path("metadata").path("namespace"));
        assertThat(actual.path("spec")).as("spec of %s vs seed %s", generated.file(), file).isEqualTo(seed.path("spec"));
    }
}
