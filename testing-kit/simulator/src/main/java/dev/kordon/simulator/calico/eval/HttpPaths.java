package dev.kordon.simulator.calico.eval;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dikastes' HTTP path matching (Calico v3.31.7+ / v3.32+, {@code app-policy/checker/match.go}): both the request path
 * and the rule's path are normalised (query and fragment stripped, percent-decoded once, {@code \} folded to
 * {@code /}, {@code ;matrix} parameters stripped, then cleaned like Go's {@code path.Clean}); a path that keeps a
 * double-encoded {@code . / \} or holds a NUL byte matches nothing. A prefix matches on segment boundaries only.
 */
final class HttpPaths {

    private static final Pattern STILL_ENCODED = Pattern.compile("(?i)%(2e|2f|5c)");

    private HttpPaths() {
    }

    /** The path up to its query or fragment. */
    static String withoutQueryAndFragment(String raw) {
        int cut = indexOfAny(raw, "?#");
        return cut >= 0 ? raw.substring(0, cut) : raw;
    }

    /** The normalised path, or empty when Dikastes refuses to interpret it (then it matches nothing). */
    static Optional<String> normalize(String raw) {
        String path = withoutQueryAndFragment(raw);
        Optional<String> decoded = unescape(path);
        if (decoded.isEmpty() || STILL_ENCODED.matcher(decoded.get()).find() || decoded.get().indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String folded = decoded.get().replace('\\', '/');
        if (!folded.startsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(clean(stripMatrixParameters(folded)));
    }

    /** Whether the request path equals the prefix or continues it after a {@code /}. */
    static boolean segmentPrefix(String request, String prefix) {
        if (prefix.equals("/")) {
            return request.startsWith("/");
        }
        return request.equals(prefix) || request.startsWith(prefix + "/");
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Go's url.PathUnescape: %XX decoded once; a malformed escape is an error. */
    private static Optional<String> unescape(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
                continue;
            }
            if (i + 2 >= raw.length || Character.digit(raw[i + 1], 16) < 0 || Character.digit(raw[i + 2], 16) < 0) {
                return Optional.empty();
            }
            bytes.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
            i += 2;
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }

    private static String stripMatrixParameters(String path) {
        StringBuilder result = new StringBuilder();
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            int semicolon = segments[i].indexOf(';');
            result.append(semicolon >= 0 ? segments[i].substring(0, semicolon) : segments[i]);
            if (i < segments.length - 1) {
                result.append('/');
            }
        }
        return result.toString();
    }

    /** Go's path.Clean for a rooted path: no empty or {@code .} segments, {@code ..} resolved, no trailing slash. */
    private static String clean(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }
}
