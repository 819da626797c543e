package dev.kordon.dsl;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An HTTP path pattern, matched against the request path without its query string.
 *
 * <p>{@code *} matches any run of characters, including {@code /}. A pattern without {@code *} is an exact path
 * ({@code /api/users}); one whose only {@code *} is the last character is a prefix ({@code /api/*} matches
 * {@code /api/} and everything below it); any other use is a glob ({@code /api/*}{@code /orders}). Because a prefix
 * is written the same way however it is declared, {@code prefix("/api/")} equals {@code path("/api/*")}.
 */
public record PathPattern(String glob) {

    /** How a pattern matches. */
    public enum Kind {
        EXACT,
        PREFIX,
        GLOB
    }

    public PathPattern {
        Objects.requireNonNull(glob, "glob");
    }

    /** A pattern in glob syntax ({@code /api/users}, {@code /api/*}). */
    public static PathPattern of(String glob) {
        return new PathPattern(glob);
    }

    /** A prefix: every path that starts with {@code prefix}. */
    public static PathPattern prefix(String prefix) {
        return new PathPattern(prefix + "*");
    }

    /** Whether the pattern is exact, a prefix or a general glob. */
    public Kind kind() {
        int star = glob.indexOf('*');
        if (star < 0) {
            return Kind.EXACT;
        }
        return star == glob.length() - 1 ? Kind.PREFIX : Kind.GLOB;
    }

    /** The literal text before the first {@code *} (the whole path when exact). */
    public String literalPrefix() {
        int star = glob.indexOf('*');
        return star < 0 ? glob : glob.substring(0, star);
    }

    /** Whether a request path (query string removed) matches. */
    public boolean matches(String path) {
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        return toRegex().matcher(bare).matches();
    }

    private Pattern toRegex() {
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return glob;
    }
}
