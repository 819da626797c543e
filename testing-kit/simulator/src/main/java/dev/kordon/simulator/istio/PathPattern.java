package dev.kordon.simulator.istio;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A value of {@code paths}/{@code notPaths}: one of the four string forms, or a path template in which a whole
 * segment {@code {*}} matches exactly one non-empty segment and a last {@code {**}} matches zero or more segments
 * (Envoy's {@code uri_template}). Both match the normalized path without its query.
 */
sealed interface PathPattern permits PathPattern.Glob, PathPattern.Template {

    /** Whether the normalized path matches. */
    boolean matches(String path);

    /** The value as written. */
    String text();

    /** A plain string form: exact, prefix, suffix or presence. */
    record Glob(StringMatch match) implements PathPattern {
        @Override
        public boolean matches(String path) {
            return match.matches(path);
        }

        @Override
        public String text() {
            return match.toString();
        }
    }

    /** A path template, compiled as Envoy does. */
    record Template(String text, Pattern regex) implements PathPattern {
        @Override
        public boolean matches(String path) {
            return regex.matcher(path).matches();
        }
    }

    /** Envoy's pchar set (RFC 3986) without {@code *}. */
    String LITERAL = "a-zA-Z0-9\\-._~%!$&'()+,;:@=";

    /** Whether the value uses {@code {*}} or {@code {**}}, which makes it a template. */
    static boolean isTemplate(String value) {
        return value.contains("{*}") || value.contains("{**}");
    }

    /** The pattern of a value; a template must first pass {@link #templateError(String)}. */
    static PathPattern of(String value) {
        if (!isTemplate(value)) {
            return new Glob(StringMatch.parse(value));
        }
        StringBuilder regex = new StringBuilder();
        for (String segment : value.substring(1).split("/", -1)) {
            regex.append('/');
            if (segment.equals("{*}")) {
                regex.append('[').append(LITERAL).append("]+");
            } else if (segment.equals("{**}")) {
                regex.append('[').append(LITERAL).append("/]*");
            } else if (!segment.isEmpty()) {
                regex.append(Pattern.quote(segment));
            }
        }
        return new Template(value, Pattern.compile(regex.toString()));
    }

    /** Why a template is invalid (Istio's validation and Envoy's template syntax), or empty when it is valid. */
    static Optional<String> templateError(String value) {
        if (!value.startsWith("/")) {
            return Optional.of("a path template must start with '/'");
        }
        boolean anySeen = false;
        for (String segment : value.substring(1).split("/", -1)) {
            boolean operator = segment.equals("{*}") || segment.equals("{**}");
            if (operator && anySeen) {
                return Optional.of("{**} must be the last operator of a path template");
            }
            anySeen |= segment.equals("{**}");
            if (!operator && !segment.matches("[" + LITERAL + "]*")) {
                return Optional.of("segment '" + segment + "' is not supported in a path template: use whole "
                        + "segments {*} (one segment) or {**} (zero or more, last), other segments literal");
            }
        }
        if (value.contains("//")) {
            return Optional.of("a path template must not contain '//'");
        }
        return Optional.empty();
    }
}
