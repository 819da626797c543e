package dev.kordon.simulator.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** How a connectivity list is printed: netpol-analyzer's txt, json and csv, and Markdown and Graphviz dot. */
public enum ConnectivityFormat {
    TXT,
    JSON,
    CSV,
    MD,
    DOT;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The connections in this format, without a trailing newline (as netpol-analyzer writes them). */
    public String render(List<Connection> connections) {
        return switch (this) {
            case TXT -> String.join("\n", connections.stream().map(Connection::toString).toList());
            case JSON -> json(connections);
            case CSV -> csv(connections);
            case MD -> md(connections);
            case DOT -> dot(connections);
        };
    }

    private static String json(List<Connection> connections) {
        if (connections.isEmpty()) {
            return "[]";
        }
        List<String> objects = new ArrayList<>();
        for (Connection c : connections) {
            objects.add("  {\n    \"src\": " + quote(c.source().toString()) + ",\n    \"dst\": "
                    + quote(c.destination().toString()) + ",\n    \"conn\": " + quote(c.allowed().toString())
                    + "\n  }");
        }
        return "[\n" + String.join(",\n", objects) + "\n]";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String csv(List<Connection> connections) {
        List<String> lines = new ArrayList<>();
        lines.add("src,dst,conn");
        for (Connection c : connections) {
            lines.add(csvField(c.source().toString()) + "," + csvField(c.destination().toString()) + ","
                    + csvField(c.allowed().toString()));
        }
        return String.join("\n", lines);
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String md(List<Connection> connections) {
        List<String> lines = new ArrayList<>();
        lines.add("| src | dst | conn |");
        lines.add("|-----|-----|------|");
        for (Connection c : connections) {
            lines.add("| " + mdField(c.source().toString()) + " | " + mdField(c.destination().toString()) + " | "
                    + mdField(c.allowed().toString()) + " |");
        }
        return String.join("\n", lines);
    }

    private static String mdField(String text) {
        return text.replace("|", "\\|");
    }

    private static String dot(List<Connection> connections) {
        TreeMap<String, String> nodes = new TreeMap<>();
        for (Connection c : connections) {
            nodes.put(c.source().toString(), shape(c.source()));
            nodes.put(c.destination().toString(), shape(c.destination()));
        }
        List<String> lines = new ArrayList<>();
        lines.add("digraph {");
        nodes.forEach((name, shape) -> lines.add("\t" + quote(name) + " [label=" + quote(name) + " shape=" + shape
                + "]"));
        for (Connection c : connections) {
            lines.add("\t" + quote(c.source().toString()) + " -> " + quote(c.destination().toString()) + " [label="
                    + quote(c.allowed().toString()) + "]");
        }
        lines.add("}");
        return String.join("\n", lines);
    }

    /** A box for what is outside the cluster's workloads (external addresses, the ingress controller). */
    private static String shape(Peer peer) {
        return peer.isExternal() || peer.isIngressController() ? "box" : "ellipse";
    }
}
