package dev.kordon.build;

import java.util.ArrayList;
import java.util.List;

/**
 * What verification found: files that drifted from the committed manifests, connections that widened or narrowed
 * against the baseline, baseline files rewritten. The build fails on drift and on widening.
 */
public record VerifyResult(List<String> drift, List<String> widened, List<String> narrowed, List<String> updated) {

    public VerifyResult {
        drift = List.copyOf(drift);
        widened = List.copyOf(widened);
        narrowed = List.copyOf(narrowed);
        updated = List.copyOf(updated);
    }

    /** Whether the build must fail: something drifted or access widened. */
    public boolean failed() {
        return !drift.isEmpty() || !widened.isEmpty();
    }

    /** The failure text: every drifted file and every widened connection, with what to do. */
    public String failure() {
        StringBuilder text = new StringBuilder();
        if (!drift.isEmpty()) {
            text.append("the committed manifests differ from the generated ones (").append(drift.size())
                    .append(drift.size() == 1 ? " difference):" : " differences):");
            drift.forEach(line -> text.append("\n  ").append(line));
            text.append("\n  fix: copy target/kordon/<target>/ over the committed manifests and commit them, or change"
                    + " the policies back");
        }
        if (!widened.isEmpty()) {
            text.append(text.length() == 0 ? "" : "\n").append("access widened against the reachability baseline (")
                    .append(widened.size()).append(widened.size() == 1 ? " connection):" : " connections):");
            widened.forEach(line -> text.append("\n  + ").append(line));
            text.append("\n  fix: if the new access is intended, run with -Dkordon.updateBaseline and commit the"
                    + " baseline; otherwise narrow the policies");
        }
        return text.toString();
    }

    static final class Builder {
        private final List<String> drift = new ArrayList<>();
        private final List<String> widened = new ArrayList<>();
        private final List<String> narrowed = new ArrayList<>();
        private final List<String> updated = new ArrayList<>();

        void drift(List<String> lines) {
            drift.addAll(lines);
        }

        void widened(String line) {
            widened.add(line);
        }

        void narrowed(String line) {
            narrowed.add(line);
        }

        void updated(String file) {
            updated.add(file);
        }

        VerifyResult build() {
            return new VerifyResult(drift, widened, narrowed, updated);
        }
    }
}
