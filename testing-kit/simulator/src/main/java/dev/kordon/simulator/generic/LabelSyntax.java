package dev.kordon.simulator.generic;

import java.util.Optional;
import java.util.regex.Pattern;

/** The syntax the API server requires of label keys and values (qualified names, at most 63 characters). */
final class LabelSyntax {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*"
            + "[a-z0-9])?)*");
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
            if (prefix.isEmpty() || prefix.length() > MAX_PREFIX || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return Optional.of("is not a valid label key: '" + key + "' (the prefix must be a DNS subdomain)");
            }
        }
        if (name.isEmpty() || name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
            return Optional.of("is not a valid label key: '" + key + "' (a name of at most 63 letters, digits, '-',"
                    + " '_' or '.', starting and ending with a letter or digit, optionally after a DNS prefix and"
                    + " '/')");
        }
        return Optional.empty();
    }

    /** What is wrong with a label value (empty, or a name of at most 63 characters), if anything. */
    static Optional<String> valueProblem(String value) {
        if (value.isEmpty() || value.length() <= MAX_NAME && NAME.matcher(value).matches()) {
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
        boolean valid = name.length() >= 1 && name.length() <= 15 && name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
                && name.matches(".*[a-z].*") && !name.contains("--");
        return valid ? Optional.empty() : Optional.of("is not a valid port name: '" + name + "' (an IANA service name:"
                + " at most 15 lowercase letters, digits and '-', with at least one letter, no '--', not starting or"
                + " ending with '-')");
    }
}
