package dev.kordon.simulator.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fast reader of the plain subset of YAML that generated and hand-written manifests mostly use: block mappings and
 * sequences indented with spaces, one-line flow sequences and mappings of scalars, plain one-line strings, quotes
 * without escapes, small decimal integers, {@code true} and {@code false}, full-line comments and {@code ---}
 * between documents. It gives the trees the YAML mapper would give, or nothing at all as soon as the text leaves
 * that subset (any other scalar, anchors, tags, block scalars, multi-line scalars, duplicate keys, tabs, empty
 * values or documents …): the caller then reads the text with the mapper, which also reports every error.
 */
final class PlainYaml {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Plain scalars that YAML may read as something other than a string. */
    private static final Set<String> SPECIAL = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

    private final String text;
    /**
     * The keys and scalars met so far, each kept once: manifests repeat them, and trees that share them take a
     * fraction of the memory (value nodes are immutable).
     */
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, JsonNode> scalars = new HashMap<>();
    /** Where the next line starts. */
    private int next;
    /** The current line: its indentation, and where its content starts and ends (-1 at the end of the text). */
    private int indent;
    private int start;
    private int end = -1;

    private PlainYaml(String text) {
        this.text = text;
    }

    /** Thrown when the text leaves the subset; carries no stack trace. */
    private static final class Outside extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private static final Outside INSTANCE = new Outside();

        private Outside() {
            super(null, null, false, false);
        }
    }

    /** The documents of a YAML text, or empty when it is not entirely in the subset. */
    static Optional<List<JsonNode>> documents(String text) {
        try {
            return Optional.of(new PlainYaml(text).read());
        } catch (Outside e) {
            return Optional.empty();
        }
    }

    private List<JsonNode> read() {
        List<JsonNode> documents = new ArrayList<>();
        advance();
        boolean explicit = false;
        while (start >= 0) {
            if (isMarker()) {
                if (explicit) {
                    // an empty document, which the mapper may read as null
                    throw Outside.INSTANCE;
                }
                explicit = true;
                advance();
                continue;
            }
            if (indent != 0 || !explicit && !documents.isEmpty()) {
                throw Outside.INSTANCE;
            }
            documents.add(mapping(0));
            explicit = false;
            if (start >= 0 && !isMarker()) {
                throw Outside.INSTANCE;
            }
        }
        if (explicit || documents.isEmpty()) {
            throw Outside.INSTANCE;
        }
        return documents;
    }

    private boolean isMarker() {
        return indent == 0 && end - start == 3 && text.startsWith("---", start);
    }

    /** Moves to the next line with content (not blank, not a comment); {@code start} is -1 at the end. */
    private void advance() {
        while (next < text.length()) {
            int from = next;
            int to = text.indexOf('\n', from);
            if (to < 0) {
                to = text.length();
            }
            next = to + 1;
            int at = from;
            while (at < to && text.charAt(at) == ' ') {
                at++;
            }
            int last = to;
            while (last > at && text.charAt(last - 1) == ' ') {
                last--;
            }
            if (at == last) {
                continue;
            }
            char first = text.charAt(at);
            if (first == '#') {
                continue;
            }
            if (first == '\t' || text.charAt(last - 1) == '\r' || text.charAt(last - 1) == '\t') {
                throw Outside.INSTANCE;
            }
            indent = at - from;
            start = at;
            end = last;
            return;
        }
        start = -1;
        end = -1;
        indent = -1;
    }

    private boolean isItem() {
        return text.charAt(start) == '-' && (end - start == 1 || text.charAt(start + 1) == ' ');
    }

    /** A block mapping whose keys are at {@code column}, starting on the current line. */
    private ObjectNode mapping(int column) {
        ObjectNode object = NODES.objectNode();
        while (start >= 0 && indent == column && !isItem() && !isMarker()) {
            int colon = colon(start, end);
            if (colon < 0) {
                throw Outside.INSTANCE;
            }
            String key = key(string(start, colon, false));
            if (object.has(key)) {
                throw Outside.INSTANCE;
            }
            int value = colon + 1;
            while (value < end && text.charAt(value) == ' ') {
                value++;
            }
            if (value < end) {
                object.set(key, inline(value, end));
                advance();
            } else {
                advance();
                object.set(key, block(column));
            }
        }
        if (start >= 0 && indent > column) {
            throw Outside.INSTANCE;
        }
        return object;
    }

    /** The value of a key at {@code column} that starts on the next line: a deeper mapping or a sequence. */
    private JsonNode block(int column) {
        if (start < 0 || isMarker()) {
            throw Outside.INSTANCE;
        }
        if (isItem() && indent >= column) {
            return sequence(indent);
        }
        if (indent > column) {
            return mapping(indent);
        }
        throw Outside.INSTANCE;
    }

    /** A block sequence whose dashes are at {@code column}, starting on the current line. */
    private ArrayNode sequence(int column) {
        ArrayNode array = NODES.arrayNode();
        while (start >= 0 && indent == column && isItem()) {
            int item = start + 1;
            while (item < end && text.charAt(item) == ' ') {
                item++;
            }
            if (item == end || text.charAt(item) == '-') {
                throw Outside.INSTANCE;
            }
            if (colon(item, end) >= 0) {
                // A mapping begun on the dash's line: its keys are where this one starts.
                indent = column + (item - start);
                start = item;
                array.add(mapping(indent));
            } else {
                array.add(inline(item, end));
                advance();
            }
        }
        if (start >= 0 && indent > column) {
            throw Outside.INSTANCE;
        }
        return array;
    }

    /** Where the first {@code ": "} (or a final {@code ':'}) of a line is, or -1. */
    private int colon(int from, int to) {
        for (int at = text.indexOf(':', from); at >= 0 && at < to; at = text.indexOf(':', at + 1)) {
            if (at + 1 == to || text.charAt(at + 1) == ' ') {
                return at;
            }
        }
        return -1;
    }

    /** A value written on one line: a scalar, or a flow sequence or mapping of scalars. */
    private JsonNode inline(int from, int to) {
        char first = text.charAt(from);
        if (first != '[' && first != '{') {
            return scalar(from, to, false);
        }
        if (text.charAt(to - 1) != (first == '[' ? ']' : '}')) {
            throw Outside.INSTANCE;
        }
        ArrayNode array = NODES.arrayNode();
        ObjectNode object = NODES.objectNode();
        JsonNode collection = first == '[' ? array : object;
        int at = from + 1;
        int close = to - 1;
        while (at < close && text.charAt(at) == ' ') {
            at++;
        }
        if (at == close) {
            return collection;
        }
        while (true) {
            int comma = text.indexOf(',', at);
            int stop = comma < 0 || comma > close ? close : comma;
            int last = stop;
            while (last > at && text.charAt(last - 1) == ' ') {
                last--;
            }
            if (last == at) {
                throw Outside.INSTANCE;
            }
            if (first == '[') {
                array.add(scalar(at, last, true));
            } else {
                int colon = text.indexOf(": ", at);
                if (colon < 0 || colon >= last) {
                    throw Outside.INSTANCE;
                }
                String key = key(string(at, colon, true));
                int value = colon + 2;
                while (value < last && text.charAt(value) == ' ') {
                    value++;
                }
                if (value >= last || object.has(key)) {
                    throw Outside.INSTANCE;
                }
                object.set(key, scalar(value, last, true));
            }
            if (stop == close) {
                return collection;
            }
            at = stop + 1;
            while (at < close && text.charAt(at) == ' ') {
                at++;
            }
        }
    }

    private String key(String key) {
        String known = keys.putIfAbsent(key, key);
        return known == null ? key : known;
    }

    /** A quoted string without escapes, a small decimal integer, {@code true}, {@code false} or a plain string. */
    private JsonNode scalar(int from, int to, boolean flow) {
        JsonNode value = parse(from, to, flow);
        JsonNode known = scalars.putIfAbsent(text.substring(from, to), value);
        return known == null ? value : known;
    }

    private JsonNode parse(int from, int to, boolean flow) {
        char first = text.charAt(from);
        if (first == '"' || first == '\'') {
            if (to - from < 2 || text.charAt(to - 1) != first) {
                throw Outside.INSTANCE;
            }
            for (int at = from + 1; at < to - 1; at++) {
                char c = text.charAt(at);
                if (c == first || c == '\\' || c < ' ' || c >= 0x7f) {
                    throw Outside.INSTANCE;
                }
            }
            return NODES.stringNode(text.substring(from + 1, to - 1));
        }
        boolean digits = true;
        for (int at = from; at < to; at++) {
            char c = text.charAt(at);
            digits &= c >= '0' && c <= '9';
        }
        if (digits) {
            if (to - from > 9 || first == '0' && to - from > 1) {
                throw Outside.INSTANCE;
            }
            return NODES.numberNode(Integer.parseInt(text, from, to, 10));
        }
        if (text.startsWith("true", from) && to - from == 4 || text.startsWith("false", from) && to - from == 5) {
            return NODES.booleanNode(first == 't');
        }
        return NODES.stringNode(string(from, to, flow));
    }

    /**
     * A plain scalar that every YAML schema reads as a string: a letter, digit or {@code /} first, then printable
     * ASCII without {@code #}, {@code ": "} or a final {@code ':'} (nor {@code , [ ] { }} in a flow collection); not
     * a number, a boolean or null.
     */
    private String string(int from, int to, boolean flow) {
        char first = text.charAt(from);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z' || first >= '0' && first <= '9'
                || first == '/')) {
            throw Outside.INSTANCE;
        }
        boolean numeric = true;
        for (int at = from; at < to; at++) {
            char c = text.charAt(at);
            if (c < ' ' || c >= 0x7f || c == '#' || c == ':' && (at + 1 == to || text.charAt(at + 1) == ' ')
                    || flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) {
                throw Outside.INSTANCE;
            }
            numeric &= c >= '0' && c <= '9' || ".-_:+eE".indexOf(c) >= 0;
        }
        String value = text.substring(from, to);
        if (numeric || value.length() > 1 && value.charAt(0) == '0' && Character.isLetter(value.charAt(1))
                || value.length() <= 5 && SPECIAL.contains(value.toLowerCase(java.util.Locale.ROOT))) {
            throw Outside.INSTANCE;
        }
        return value;
    }
}
