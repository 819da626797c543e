package dev.kordon.simulator.calico.model;

/** The label keys and prefixes Calico adds to endpoints and uses to rewrite namespace and service-account selectors. */
public final class CalicoLabels {

    /** The namespace of a workload endpoint or namespaced network set. */
    public static final String NAMESPACE = "projectcalico.org/namespace";

    /** {@code k8s} on every Kubernetes workload endpoint. */
    public static final String ORCHESTRATOR = "projectcalico.org/orchestrator";

    /** The service account of a workload endpoint. */
    public static final String SERVICE_ACCOUNT = "projectcalico.org/serviceaccount";

    /** The name of a namespace or service account, as its selectors see it. */
    public static final String NAME = "projectcalico.org/name";

    /** Prefix of namespace labels inherited through the {@code kns.<namespace>} profile. */
    public static final String NAMESPACE_PREFIX = "pcns.";

    /** Prefix of service-account labels inherited through the {@code ksa.<namespace>.<name>} profile. */
    public static final String SERVICE_ACCOUNT_PREFIX = "pcsa.";

    private CalicoLabels() {
    }
}
