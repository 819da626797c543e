package dev.kordon.simulator.generic;

import java.util.Optional;

/** The syntax the API server requires of label keys and values (qualified names, at most 63 characters). */
final class LabelSyntax {

    private static final int MAX_NAME = 63;
    private static final int MAX_PREFIX = 253;

    private LabelSyntax() {
    }

    /** What is wrong with a label key ({@code [prefix/]name}), if anything. */
    static Optional<String> keyProblem(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > MAX_PREFIX || !isDnsSubdomain(prefix)) {
                return Optional.of("is not a valid label key: '" + key + "' (the prefix must be a DNS subdomain)");
            }
        }
        if (name.isEmpty() || name.length() > MAX_NAME || !isName(name)) {
            return Optional.of("is not a valid label key: '" + key + "' (a name of at most 63 letters, digits, '-',"
                    + " '_' or '.', starting and ending with a letter or digit, optionally after a DNS prefix and"
                    + " '/')");
        }
        return Optional.empty();
    }

    /** What is wrong with a label value (empty, or a name of at most 63 characters), if anything. */
    static Optional<String> valueProblem(String value) {
        if (value.isEmpty() || value.length() <= MAX_NAME && isName(value)) {
            return Optional.empty();
        }
        return Optional.of("is not a valid label value: '" + value + "' (at most 63 letters, digits, '-', '_' or '.',"
                + " starting and ending with a letter or digit)");
    }

    /**
     * What is wrong with a named port, if anything: an IANA service name of at most 15 lowercase letters, digits and
     * '-', with a letter, without '--', neither starting nor ending with '-'.
     */
    static Optional<String> portNameProblem(String name) {
        boolean valid = name.length() >= 1 && name.length() <= 15 && isDnsLabel(name, 0, name.length())
                && name.chars().anyMatch(c -> c >= 'a' && c <= 'z') && !name.contains("--");
        return valid ? Optional.empty() : Optional.of("is not a valid port name: '" + name + "' (an IANA service name:"
                + " at most 15 lowercase letters, digits and '-', with at least one letter, no '--', not starting or"
                + " ending with '-')");
    }

    /** {@code [A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?}, checked without a regular expression (it runs per label). */
    private static boolean isName(String name) {
        int last = name.length() - 1;
        if (last < 0 || !isAlphanumeric(name.charAt(0)) || !isAlphanumeric(name.charAt(last))) {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char c = name.charAt(i);
            if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*}: DNS labels joined by dots. */
    private static boolean isDnsSubdomain(String name) {
        int from = 0;
        while (true) {
            int dot = name.indexOf('.', from);
            int to = dot < 0 ? name.length() : dot;
            if (!isDnsLabel(name, from, to)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            from = dot + 1;
        }
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} between {@code from} and {@code to}. */
    private static boolean isDnsLabel(String name, int from, int to) {
        if (from >= to || name.charAt(from) == '-' || name.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
