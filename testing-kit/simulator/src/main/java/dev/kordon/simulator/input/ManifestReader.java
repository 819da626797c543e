package dev.kordon.simulator.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads Kubernetes objects from files and directories (recursively; {@code .yaml}, {@code .yml}, {@code .json}),
 * multi-document YAML and {@code List} kinds included, collecting every problem with its file and document. In a
 * directory, {@code kustomization.yaml} and {@code fidelity.json} (written by {@code kordon generate} beside the
 * manifests) are not read.
 */
public final class ManifestReader {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every object of the paths, in path order; problems go to {@code problems}. */
    public List<Manifest> read(List<Path> paths, Problems problems) {
        List<Manifest> manifests = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                problems.add(path.toString(), "", "", "no such file or directory",
                        "give an existing manifest file or a directory of them");
                continue;
            }
            for (Path file : files(path)) {
                try {
                    manifests.addAll(read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), problems));
                } catch (IOException e) {
                    problems.add(file.toString(), "", "", "cannot be read: " + e.getMessage(), "check the file");
                }
            }
        }
        return manifests;
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString();
                // Kordon's generated folders hold these beside the manifests; they are not Kubernetes objects.
                if (name.equals("kustomization.yaml") || name.equals("fidelity.json")) {
                    return false;
                }
                return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every object of a text; {@code file} names it in problems. */
    public List<Manifest> read(String file, String text, Problems problems) {
        List<Manifest> manifests = new ArrayList<>();
        // Most manifests are plain YAML, read fast; anything else (errors included) is read by the mapper.
        Optional<List<JsonNode>> read = file.endsWith(".json") ? Optional.empty() : PlainYaml.documents(text);
        Optional<List<JsonNode>> documents = read.isPresent() ? read : mapped(file, text, problems);
        if (documents.isEmpty()) {
            return manifests;
        }
        int number = 0;
        for (JsonNode document : documents.get()) {
            if (document == null || document.isNull() || document.isMissingNode()) {
                continue;
            }
            if (document.path("kind").asString("").endsWith("List") && document.has("items")) {
                String listKind = document.path("kind").asString("");
                String itemKind = listKind.substring(0, listKind.length() - "List".length());
                for (JsonNode item : document.path("items")) {
                    number++;
                    object(file, number, typed(item, itemKind, document.path("apiVersion").asString("")), problems)
                            .ifPresent(manifests::add);
                }
                continue;
            }
            number++;
            object(file, number, document, problems).ifPresent(manifests::add);
        }
        return manifests;
    }

    /** The documents of a text as the mapper reads them, or empty (after adding the problem) when it cannot. */
    private static Optional<List<JsonNode>> mapped(String file, String text, Problems problems) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = (file.endsWith(".json") ? JSON : YAML).readerFor(JsonNode.class)
                .readValues(text)) {
            while (iterator.hasNextValue()) {
                documents.add(iterator.nextValue());
            }
        } catch (JacksonException e) {
            problems.add(file, "document " + (documents.size() + 1), "", "is not valid YAML or JSON: "
                    + e.getOriginalMessage(), "fix the syntax at line " + (e.getLocation() == null ? "?"
                    : e.getLocation().getLineNr()));
            return Optional.empty();
        }
        return Optional.of(documents);
    }

    /**
     * An item of a typed list ({@code NamespaceList}, {@code PodList}, …) as Kubernetes serves it: without kind and
     * apiVersion, which are the list's.
     */
    private static JsonNode typed(JsonNode item, String kind, String apiVersion) {
        if (kind.isEmpty() || !(item instanceof ObjectNode object) || (object.has("kind") && object.has("apiVersion"))) {
            return item;
        }
        ObjectNode copy = object.deepCopy();
        if (!copy.has("kind")) {
            copy.put("kind", kind);
        }
        if (!copy.has("apiVersion") && !apiVersion.isEmpty()) {
            copy.put("apiVersion", apiVersion);
        }
        return copy;
    }

    private static Optional<Manifest> object(String file, int number, JsonNode node, Problems problems) {
        String where = "document " + number;
        if (!node.isObject()) {
            problems.add(file, where, "", "is not an object", "each document must be a Kubernetes object");
            return Optional.empty();
        }
        String apiVersion = node.path("apiVersion").asString("");
        String kind = node.path("kind").asString("");
        String name = node.path("metadata").path("name").asString("");
        String namespace = node.path("metadata").path("namespace").asString("");
        boolean ok = true;
        for (String[] field : new String[][] {{"apiVersion", apiVersion}, {"kind", kind}, {"metadata.name", name}}) {
            if (field[1].isEmpty()) {
                problems.add(file, where + (kind.isEmpty() ? "" : " (" + kind + ")"), field[0], "is missing",
                        "every object needs apiVersion, kind and metadata.name");
                ok = false;
            }
        }
        return ok ? Optional.of(new Manifest(file, number, apiVersion, kind, namespace, name, node))
                : Optional.empty();
    }
}
