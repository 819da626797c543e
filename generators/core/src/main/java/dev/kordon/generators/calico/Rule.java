package dev.kordon.generators.calico;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * One Calico policy rule: an action for the traffic that matches every criterion present (backends.md §3.1).
 *
 * @param action      what to do with matching traffic
 * @param protocol    {@code TCP}, {@code UDP} or {@code SCTP}; {@code null} for every protocol (required whenever
 *                    ports are given)
 * @param source      the source peer, and source ports; {@code null} for any source
 * @param destination the destination peer and ports; {@code null} for any destination
 * @param http        the HTTP requests (Allow rules on ingress only, enforced with Application Layer Policy only);
 *                    {@code null} for any traffic
 */
public record Rule(Action action, String protocol, EntityRule source, EntityRule destination, Http http) {

    public Rule {
        Objects.requireNonNull(action, "action");
        if (http != null && (action != Action.ALLOW || protocol != null && !"TCP".equals(protocol))) {
            throw new IllegalArgumentException("an HTTP match needs an Allow rule for TCP: " + action + " " + protocol);
        }
        boolean ports = source != null && source.ports() != null || destination != null && destination.ports() != null;
        if (ports && protocol == null) {
            throw new IllegalArgumentException("a rule with ports needs a protocol");
        }
    }

    /** A rule's action. */
    public enum Action {
        ALLOW("Allow"),
        DENY("Deny"),
        LOG("Log"),
        PASS("Pass");

        private final String text;

        Action(String text) {
            this.text = text;
        }

        /** The value as Calico writes it. */
        @JsonValue
        public String text() {
            return text;
        }
    }

    /**
     * The HTTP requests a rule matches: one of the methods (any when {@code null}) and one of the paths (any when
     * {@code null}).
     *
     * @param methods case-sensitive method tokens, at most 20
     * @param paths   exact paths or prefixes, at most 20
     */
    public record Http(List<String> methods, List<HttpPath> paths) {

        public Http {
            methods = methods == null || methods.isEmpty() ? null : List.copyOf(methods);
            paths = paths == null || paths.isEmpty() ? null : List.copyOf(paths);
            if (methods == null && paths == null) {
                throw new IllegalArgumentException("an HTTP match without methods or paths matches every request;"
                        + " leave it out instead");
            }
        }
    }

    /**
     * One HTTP path: exactly one of {@code exact} and {@code prefix}.
     *
     * @param exact  the whole path (without query)
     * @param prefix a leading part of the path
     */
    public record HttpPath(String exact, String prefix) {

        public HttpPath {
            if (exact == null == (prefix == null)) {
                throw new IllegalArgumentException("exactly one of exact and prefix: " + exact + ", " + prefix);
            }
        }

        /** The path itself. */
        public static HttpPath exact(String path) {
            return new HttpPath(path, null);
        }

        /** Every path that starts with {@code prefix} (how, depends on the Calico version: backends.md §3.4). */
        public static HttpPath prefix(String prefix) {
            return new HttpPath(null, prefix);
        }
    }
}
