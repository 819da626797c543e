package dev.kordon.dsl;

import java.util.Objects;

/** The cluster's nodes whose labels match {@code selector}: {@code allNodes()} or {@code nodes(labels(...))}. */
public record Nodes(LabelSelector selector) implements Peer {

    public Nodes {
        Objects.requireNonNull(selector, "selector");
    }

    @Override
    public boolean isPods() {
        return false;
    }

    @Override
    public String shortName() {
        return "nodes";
    }

    @Override
    public String toString() {
        return "nodes" + selector;
    }
}
