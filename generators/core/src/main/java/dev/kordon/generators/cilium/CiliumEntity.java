package dev.kordon.generators.cilium;

import com.fasterxml.jackson.annotation.JsonValue;

/** The Cilium entities this backend uses, written as Cilium spells them. */
public enum CiliumEntity {
    /** Every peer, inside or outside the cluster. */
    ALL("all"),
    /** The local node, including its hostNetwork pods. */
    HOST("host"),
    /** The Kubernetes API server, in or outside the cluster. */
    KUBE_APISERVER("kube-apiserver"),
    /** Every other node, including its hostNetwork pods. */
    REMOTE_NODE("remote-node"),
    /** Every address outside the cluster. */
    WORLD("world");

    private final String value;

    CiliumEntity(String value) {
        this.value = value;
    }

    /** The name in manifests, e.g. {@code remote-node}. */
    @JsonValue
    public String value() {
        return value;
    }
}
