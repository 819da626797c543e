package dev.kordon.generators.cilium;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels of a Cilium security identity that policies select on (backends.md §4.3): the ones Cilium derives for
 * every pod, and the default filter that decides which of a pod's own labels take part at all.
 *
 * <p>A selector on a label that the filter leaves out never matches with {@code In}/{@code Exists} (narrower) and
 * always matches with {@code NotIn}/{@code DoesNotExist} (wider), so such selectors are refused. The filter is
 * Cilium's default ({@code pkg/labelsfilter/filter.go}, {@code defaultLabelPrefixCfg}); a cluster that configures
 * its own identity labels must keep every label its policies select on.
 */
final class IdentityLabels {

    /** The pod's namespace. */
    static final String NAMESPACE = "k8s:io.kubernetes.pod.namespace";
    /** The pod's service account ({@code spec.serviceAccountName}). */
    static final String SERVICE_ACCOUNT = "k8s:io.cilium.k8s.policy.serviceaccount";
    /** The prefix of the copies of the namespace's labels that every pod carries. */
    static final String NAMESPACE_LABELS = "k8s:io.cilium.k8s.namespace.labels.";

    private static final String NAMESPACE_LABELS_KEY = "io.cilium.k8s.namespace.labels.";
    private static final List<String> DERIVED_PREFIXES = List.of("io.cilium.k8s.", "io.kubernetes.");

    /** Cilium's default prefixes, in its order: {@code !} marks a prefix whose labels are left out. */
    private static final List<Prefix> DEFAULT_FILTER = List.of(
            include(Pattern.quote("io.kubernetes.pod.namespace")),
            include(Pattern.quote("io.cilium.k8s.namespace.labels")),
            include(Pattern.quote("app.kubernetes.io")),
            include(Pattern.quote("io.cilium.k8s.policy.cluster")),
            ignore("io\\.kubernetes"),
            ignore("kubernetes\\.io"),
            ignore(Pattern.quote("statefulset.kubernetes.io/pod-name")),
            ignore(Pattern.quote("apps.kubernetes.io/pod-index")),
            ignore(Pattern.quote("batch.kubernetes.io/job-completion-index")),
            ignore(".*beta\\.kubernetes\\.io"),
            ignore("k8s\\.io"),
            ignore("pod-template-generation"),
            ignore("pod-template-hash"),
            ignore("controller-revision-hash"),
            ignore("annotation.*"),
            ignore("etcd_node"));

    private IdentityLabels() {
    }

    /** Why pods cannot be selected by their label {@code key} on Cilium, if they cannot. */
    static Optional<String> podLabelProblem(String key) {
        if (DERIVED_PREFIXES.stream().anyMatch(key::startsWith)) {
            return Optional.of("Cilium derives the identity labels named '" + key + "' itself (namespace, service"
                    + " account, namespace labels), so a pod's own label of that name cannot be selected");
        }
        if (!isInIdentity(key)) {
            return Optional.of(leftOut("pod label '" + key + "'"));
        }
        return Optional.empty();
    }

    /** Why namespaces cannot be selected by their label {@code key} on Cilium, if they cannot. */
    static Optional<String> namespaceLabelProblem(String key) {
        return isInIdentity(NAMESPACE_LABELS_KEY + key) ? Optional.empty()
                : Optional.of(leftOut("namespace label '" + key + "' (as " + NAMESPACE_LABELS_KEY + key + ")"));
    }

    private static String leftOut(String what) {
        return "Cilium's default identity-label filter leaves the " + what + " out of security identities, so a"
                + " selector on it would never match (In, Exists: narrower) or always match (NotIn, DoesNotExist:"
                + " wider)";
    }

    /**
     * Whether the default filter keeps a label key: kept when no ignoring prefix matches it, or when the longest
     * including prefix that matches is longer than the shortest ignoring one. A prefix matches when its regular
     * expression matches at the start of the key.
     */
    static boolean isInIdentity(String key) {
        int included = 0;
        int ignored = 0;
        for (Prefix prefix : DEFAULT_FILTER) {
            int length = prefix.matchLength(key);
            if (length < 0) {
                continue;
            }
            if (prefix.ignore()) {
                ignored = ignored == 0 ? length : Math.min(ignored, length);
            } else {
                included = Math.max(included, length);
            }
        }
        return ignored == 0 || included > ignored;
    }

    private static Prefix include(String regex) {
        return new Prefix(false, Pattern.compile(regex));
    }

    private static Prefix ignore(String regex) {
        return new Prefix(true, Pattern.compile(regex));
    }

    /** One entry of the filter: a regular expression that must match at the start of the key. */
    private record Prefix(boolean ignore, Pattern regex) {

        /** The length of the match at the start of the key, or -1 when the leftmost match is not there. */
        int matchLength(String key) {
            Matcher matcher = regex.matcher(key);
            return matcher.find() && matcher.start() == 0 ? matcher.end() : -1;
        }
    }
}
