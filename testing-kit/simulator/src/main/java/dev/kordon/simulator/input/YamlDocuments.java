package dev.kordon.simulator.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a large multi-document YAML text on every processor: the text is cut before each document marker
 * ({@code ---} at the start of a line, which YAML forbids inside any content, so it always starts a document) into
 * a few runs of whole documents, and the runs are read in parallel and joined in order. A text with directives
 * ({@code %YAML}, {@code %TAG}, which reach across markers), a small text, or one with an error anywhere is left to
 * the reader that reads it in one pass, so that every error is reported exactly as that reader reports it.
 */
final class YamlDocuments {

    /** Below this many characters one pass is as fast. */
    private static final int PARALLEL_FROM = 1 << 18;

    private YamlDocuments() {
    }

    /** The documents of the text, read in parallel; empty when the text must be read in one pass. */
    static Optional<List<JsonNode>> read(YAMLMapper yaml, String text) {
        if (text.length() < PARALLEL_FROM) {
            return Optional.empty();
        }
        List<Integer> starts = markers(text);
        int runs = Math.min(starts.size(), Runtime.getRuntime().availableProcessors() * 8);
        if (runs < 2) {
            return Optional.empty();
        }
        try {
            List<List<JsonNode>> parts = IntStream.range(0, runs).parallel().mapToObj(run -> {
                int from = run == 0 ? 0 : starts.get((int) ((long) starts.size() * run / runs));
                int to = run == runs - 1 ? text.length() : starts.get((int) ((long) starts.size() * (run + 1) / runs));
                return readAll(yaml, text.substring(from, to));
            }).toList();
            List<JsonNode> documents = new ArrayList<>();
            parts.forEach(documents::addAll);
            return Optional.of(documents);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Where each line that starts a document begins; empty when the text has a directive. */
    private static List<Integer> markers(String text) {
        List<Integer> starts = new ArrayList<>();
        int line = 0;
        while (line < text.length()) {
            if (text.charAt(line) == '%') {
                return List.of();
            }
            if (text.startsWith("---", line) && (line + 3 == text.length() || " \t\r\n".indexOf(text.charAt(line + 3))
                    >= 0)) {
                starts.add(line);
            }
            int end = text.indexOf('\n', line);
            line = end < 0 ? text.length() : end + 1;
        }
        return starts;
    }

    private static List<JsonNode> readAll(YAMLMapper yaml, String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = yaml.readerFor(JsonNode.class).readValues(text)) {
            while (iterator.hasNextValue()) {
                documents.add(iterator.nextValue());
            }
        }
        return documents;
    }
}
