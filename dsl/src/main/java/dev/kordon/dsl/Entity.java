package dev.kordon.dsl;

import java.util.Locale;

/** Peers that are not selected by labels or addresses but named by what they are. */
public enum Entity implements Peer {
    /** The Kubernetes API server, wherever it runs. */
    KUBE_APISERVER,
    /** Everything outside the cluster: addresses that are neither pods nor nodes. */
    WORLD,
    /** Every possible peer: pods, nodes, the API server and the world. */
    ANYWHERE;

    @Override
    public boolean isPods() {
        return false;
    }

    @Override
    public String shortName() {
        return toString();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
