package dev.kordon.generators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The capability matrix: for every feature and target, how faithfully the target enforces it, printed from the
 * backends' own {@link Capabilities} declarations. {@code docs/backends.md} holds it, kept current by a test.
 */
public final class CapabilityMatrix {

    private CapabilityMatrix() {
    }

    /** The support a target gives a feature: the worst over the layers that can be given intents using it. */
    public static Support support(Target target, Feature feature) {
        Support worst = null;
        for (Layer layer : target.layers()) {
            if (!layer.scope().admits(feature)) {
                continue;
            }
            Support support = layer.backend().capabilities(layer.role()).of(feature);
            if (worst == null || support.fidelity().compareTo(worst.fidelity()) > 0) {
                worst = support;
            }
        }
        return worst == null ? Support.exact() : worst;
    }

    /** The backend whose declaration {@link #support} picked, for the notes. */
    private static String backendOf(Target target, Feature feature, Support support) {
        for (Layer layer : target.layers()) {
            if (layer.scope().admits(feature) && layer.backend().capabilities(layer.role()).of(feature).equals(support)) {
                return layer.backend().id() + (layer.role() == Role.COMPLETE ? "" : " (" + layer.role().name()
                        .toLowerCase(java.util.Locale.ROOT) + ")");
            }
        }
        return "";
    }

    /** The matrix as a Markdown table with numbered notes for every reason. */
    public static String markdown(List<Target> targets) {
        Map<String, Integer> notes = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder("| feature |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Target target : targets) {
            table.append(' ').append(target.id()).append(" |");
            rule.append("---|");
        }
        table.append('\n').append(rule).append('\n');
        for (Feature feature : Feature.values()) {
            table.append("| ").append(feature.description()).append(" |");
            for (Target target : targets) {
                Support support = support(target, feature);
                table.append(' ').append(support.fidelity());
                support.downgrade().ifPresent(downgrade -> table.append(" (").append(downgrade).append(')'));
                if (!support.reason().isEmpty()) {
                    String note = "**" + backendOf(target, feature, support) + "**: " + support.reason()
                            + (support.hint().isEmpty() ? "" : " Fix: " + support.hint() + ".");
                    int number = notes.computeIfAbsent(note, key -> notes.size() + 1);
                    table.append(" [").append(number).append("](#note-").append(number).append(')');
                }
                table.append(" |");
            }
            table.append('\n');
        }
        List<String> lines = new ArrayList<>();
        notes.forEach((note, number) -> lines.add("<a id=\"note-" + number + "\"></a>" + number + ". " + note));
        return table.append('\n').append(String.join("\n", lines)).append('\n').toString();
    }
}
