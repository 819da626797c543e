package dev.kordon.generators;

import java.util.List;

/** Thrown when a target cannot enforce some intents as declared; the message lists every problem with its fix. */
public final class GenerationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FidelityReport> reports;

    GenerationException(List<FidelityReport> reports) {
        super(message(reports));
        this.reports = List.copyOf(reports);
    }

    private static String message(List<FidelityReport> reports) {
        StringBuilder text = new StringBuilder("cannot generate without widening or narrowing intents");
        for (FidelityReport report : reports) {
            for (FidelityEntry problem : report.problems()) {
                text.append("\n- ").append(report.target()).append(": ").append(problem.policySet()).append('/')
                        .append(problem.intent());
                if (!problem.declaredAt().isEmpty()) {
                    text.append(" (").append(problem.declaredAt()).append(')');
                }
                text.append(": ").append(problem.describe().replace("\n", "\n  "));
            }
        }
        return text.toString();
    }

    /** The report of every target, including the problems. */
    public List<FidelityReport> reports() {
        return reports;
    }

    /** Every problem of every target. */
    public List<FidelityEntry> problems() {
        return reports.stream().flatMap(report -> report.problems().stream()).toList();
    }
}
