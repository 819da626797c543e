package dev.kordon.simulator.cilium;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code matchName} or {@code matchPattern} of a {@code toFQDNs} or DNS rule [CIL-API] {@code fqdn.go},
 * {@code pkg/fqdn/matchpattern}: names compare case-insensitively as fully qualified names (the trailing dot is
 * implied); in a pattern, a pattern of only {@code *} matches every name, a leading {@code **.} one or more whole
 * labels, and any other {@code *} zero or more DNS characters within one label.
 *
 * @param field   where it is written, e.g. {@code toFQDNs[0]}
 * @param pattern whether it is a {@code matchPattern}
 * @param text    the name or pattern as written
 */
record FqdnMatcher(String field, boolean pattern, String text) {

    private static final String LABEL_CHARS = "[-a-zA-Z0-9_]";

    /** Whether the name matches. */
    boolean matches(String name) {
        return regex().matcher(fqdn(name)).matches();
    }

    /** Whether it matches every name (a pattern of only stars). */
    boolean matchesEverything() {
        return pattern && isWildcard(text.trim());
    }

    private Pattern regex() {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (pattern && isWildcard(value)) {
            return Pattern.compile("(" + LABEL_CHARS + "+[.])+|[.]");
        }
        return Pattern.compile(escape(fqdn(value)));
    }

    private static String escape(String value) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        int stars = 0;
        while (stars < value.length() && value.charAt(stars) == '*') {
            stars++;
        }
        if (stars >= 2 && stars < value.length() && value.charAt(stars) == '.') {
            regex.append('(').append(LABEL_CHARS).append("+([.]").append(LABEL_CHARS).append("+)*)[.]");
            start = stars + 1;
        }
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.') {
                regex.append("[.]");
            } else if (c == '*') {
                while (i + 1 < value.length() && value.charAt(i + 1) == '*') {
                    i++;
                }
                regex.append(LABEL_CHARS).append('*');
            } else {
                regex.append(c);
            }
        }
        return regex.toString();
    }

    private static boolean isWildcard(String value) {
        String stars = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        return !stars.isEmpty() && stars.chars().allMatch(c -> c == '*');
    }

    private static String fqdn(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    @Override
    public String toString() {
        return (pattern ? "matchPattern " : "matchName ") + text;
    }
}
