package dev.kordon.simulator.analysis;

import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * A verdict as JSON, for pipelines that act on a decision: the flow (as text and by part), whether it is allowed, and,
 * with its steps, the chain that decided it. Fields come in a fixed order, two-space indented with {@code \n} line
 * ends; a step's {@code rule} is its index from 0, or {@code null} for a default.
 *
 * <pre>{@code
 * {
 *   "flow": "shop/web -> shop/api TCP/8080",
 *   "source": "shop/web",
 *   "destination": "shop/api",
 *   "protocol": "TCP",
 *   "port": 8080,
 *   "allowed": true,
 *   "ambiguous": false,
 *   "steps": [ ... ]
 * }
 * }</pre>
 */
public final class VerdictJson {

    private VerdictJson() {
    }

    /** The verdict without its steps ({@code kordon eval}). */
    public static String decision(Verdict verdict) {
        return object(fields(verdict), "");
    }

    /** The verdict with every step ({@code kordon explain}). */
    public static String explanation(Verdict verdict) {
        List<String> fields = fields(verdict);
        List<String> steps = new ArrayList<>();
        for (Step step : verdict.steps()) {
            steps.add("    " + object(List.of(
                    field("layer", quote(step.layer())),
                    field("direction", quote(step.direction())),
                    field("tier", quote(step.tier())),
                    field("resource", quote(step.resource())),
                    field("rule", step.rule() >= 0 ? String.valueOf(step.rule()) : "null"),
                    field("outcome", quote(step.outcome())),
                    field("reason", quote(step.reason()))), "    "));
        }
        fields.add(field("steps", steps.isEmpty() ? "[]" : "[\n" + String.join(",\n", steps) + "\n  ]"));
        return object(fields, "");
    }

    private static List<String> fields(Verdict verdict) {
        Flow flow = verdict.flow();
        List<String> fields = new ArrayList<>();
        fields.add(field("flow", quote(flow.toString())));
        fields.add(field("source", quote(flow.source().toString())));
        fields.add(field("destination", quote(flow.destination().toString())));
        fields.add(field("protocol", quote(flow.transport().toString())));
        if (flow.transport().hasPorts()) {
            fields.add(field("port", String.valueOf(flow.port())));
        } else if (flow.icmpType() >= 0) {
            fields.add(field("icmpType", String.valueOf(flow.icmpType())));
        }
        flow.http().ifPresent(request -> fields.add(field("http", http(request))));
        fields.add(field("allowed", String.valueOf(verdict.allowed())));
        fields.add(field("ambiguous", String.valueOf(verdict.ambiguous())));
        return fields;
    }

    private static String http(HttpRequest request) {
        List<String> fields = new ArrayList<>();
        fields.add(field("method", quote(request.method())));
        fields.add(field("path", quote(request.path())));
        if (!request.host().isEmpty()) {
            fields.add(field("host", quote(request.host())));
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private static String field(String name, String value) {
        return quote(name) + ": " + value;
    }

    /** An object whose fields are indented one level below {@code indent}. */
    private static String object(List<String> fields, String indent) {
        return "{\n" + indent + "  " + String.join(",\n" + indent + "  ", fields) + "\n" + indent + "}";
    }

    private static String quote(String text) {
        return ConnectivityFormat.quote(text);
    }
}
