package dev.kordon.simulator.generic;

import dev.kordon.dsl.LabelSelector;
import java.util.Objects;

/**
 * The pods a cluster-wide policy applies to: those matching {@code pods} in the namespaces matching
 * {@code namespaces} (host-network pods are never subjects).
 *
 * @param namespaces the namespaces
 * @param pods       the pods in them ({@code {}} for a {@code namespaces} subject)
 * @param text       the subject as written
 */
record Subject(LabelSelector namespaces, LabelSelector pods, String text) {

    Subject {
        Objects.requireNonNull(namespaces, "namespaces");
        Objects.requireNonNull(pods, "pods");
        Objects.requireNonNull(text, "text");
    }
}
