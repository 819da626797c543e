package dev.kordon.generators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every non-exact finding of a run, per intent: the fidelity report that is part of the output, as text and JSON.
 *
 * @param target  the target's id
 * @param intents how many intents were assessed
 * @param entries the findings that are not exact, sorted by policy set, intent, feature and backend
 */
public record FidelityReport(String target, int intents, List<FidelityEntry> entries) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public FidelityReport {
        Objects.requireNonNull(target, "target");
        entries = entries.stream()
                .sorted(Comparator.comparing(FidelityEntry::policySet).thenComparing(FidelityEntry::intent)
                        .thenComparing(FidelityEntry::feature).thenComparing(FidelityEntry::backend))
                .toList();
    }

    /** The findings that stop generation. */
    public List<FidelityEntry> problems() {
        return entries.stream().filter(FidelityEntry::isProblem).toList();
    }

    /** Whether generation may go ahead. */
    public boolean isAcceptable() {
        return problems().isEmpty();
    }

    /**
     * A report for people: a headline, then each intent with its findings. Intents are named by policy set and name,
     * not by source line, so that the report only changes when what it reports changes.
     */
    public String text() {
        long accepted = entries.stream().filter(FidelityEntry::accepted).count();
        Map<String, List<FidelityEntry>> byIntent = new LinkedHashMap<>();
        for (FidelityEntry entry : entries) {
            byIntent.computeIfAbsent(entry.policySet() + "/" + entry.intent(), key -> new ArrayList<>()).add(entry);
        }
        StringBuilder text = new StringBuilder("fidelity on target ").append(target).append(": ")
                .append(intents).append(intents == 1 ? " intent, " : " intents, ")
                .append(intents - byIntent.size()).append(" exact, ")
                .append(accepted).append(accepted == 1 ? " accepted downgrade, " : " accepted downgrades, ")
                .append(problems().size()).append(problems().size() == 1 ? " problem" : " problems").append('\n');
        byIntent.forEach((intent, findings) -> {
            text.append("  ").append(intent).append('\n');
            for (FidelityEntry finding : findings) {
                text.append("    ").append(finding.describe().replace("\n", "\n    ")).append('\n');
            }
        });
        return text.toString();
    }

    /** The same report as JSON (an object with {@code target}, {@code intents} and {@code entries}). */
    public String json() {
        return JSON.writeValueAsString(this) + "\n";
    }
}
