package dev.kordon.simulator.istio;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * The path an Istio sidecar authorizes, under the default MeshConfig {@code pathNormalization: BASE}: the query is
 * dropped, percent-encoded unreserved characters ({@code %2D %2E %30-%39 %41-%5A %5F %61-%7A %7E}) are decoded once,
 * backslashes become slashes, and dot segments are resolved (RFC 3986). Multiple slashes are kept (merging is not part
 * of BASE). A path containing {@code %00} is rejected with HTTP 400.
 */
final class PathNormalizer {

    private PathNormalizer() {
    }

    /** The normalized path, or empty when the proxy rejects the request (400). */
    static Optional<String> normalize(String requestPath) {
        int query = requestPath.indexOf('?');
        String path = query < 0 ? requestPath : requestPath.substring(0, query);
        if (path.toLowerCase(Locale.ROOT).contains("%00")) {
            return Optional.empty();
        }
        return Optional.of(removeDotSegments(decodeUnreserved(path).replace('\\', '/')));
    }

    private static String decodeUnreserved(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                int high = hex(path.charAt(i + 1));
                int low = hex(path.charAt(i + 2));
                if (high >= 0 && low >= 0 && isUnreserved((char) (high * 16 + low))) {
                    out.append((char) (high * 16 + low));
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    /** RFC 3986 section 5.2.4, on a path that starts with a slash. */
    private static String removeDotSegments(String path) {
        if (!path.startsWith("/")) {
            return path;
        }
        String[] segments = path.substring(1).split("/", -1);
        Deque<String> output = new ArrayDeque<>();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..")) {
                if (segment.equals("..") && !output.isEmpty()) {
                    output.removeLast();
                }
                if (last) {
                    output.addLast("");
                }
                continue;
            }
            output.addLast(segment);
        }
        return "/" + String.join("/", output);
    }
}
