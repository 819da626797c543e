package dev.kordon.dsl;

import java.util.regex.Pattern;

/** The syntax rules Kubernetes and the backends apply to names, labels, ports and patterns. */
final class Syntax {

    /** How to write a DNS-1123 label, with an example. */
    static String labelHint(String example) {
        return "use at most 63 lower-case letters, digits and '-', beginning and ending with a letter or digit, e.g. '"
                + example + "'";
    }

    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern IANA_SVC_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern HEADER_TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]+");

    private Syntax() {
    }

    /** RFC 1123 label: at most 63 of {@code [a-z0-9-]}, alphanumeric at both ends. */
    static boolean isDns1123Label(String text) {
        return text.length() <= 63 && DNS1123_LABEL.matcher(text).matches();
    }

    /** RFC 1123 subdomain: at most 253 characters of dot-separated labels. */
    static boolean isDns1123Subdomain(String text) {
        if (text.isEmpty() || text.length() > 253) {
            return false;
        }
        for (String label : text.split("\\.", -1)) {
            if (!isDns1123Label(label)) {
                return false;
            }
        }
        return true;
    }

    /** The name part of a label key, or a label value when non-empty: at most 63, alphanumeric at both ends. */
    static boolean isLabelName(String text) {
        return text.length() <= 63 && LABEL_NAME.matcher(text).matches();
    }

    /** A label value: empty, or a valid label name. */
    static boolean isLabelValue(String text) {
        return text.isEmpty() || isLabelName(text);
    }

    /** IANA service name (RFC 6335): at most 15 of {@code [a-z0-9-]}, a letter somewhere, no {@code --}, no edge {@code -}. */
    static boolean isIanaServiceName(String text) {
        return text.length() <= 15 && IANA_SVC_NAME.matcher(text).matches() && !text.contains("--")
                && text.chars().anyMatch(c -> c >= 'a' && c <= 'z');
    }

    static boolean isPort(int port) {
        return port >= 1 && port <= 65535;
    }

    /** An HTTP header field name (RFC 9110 token), already lower-cased. */
    static boolean isHeaderName(String text) {
        return HEADER_TOKEN.matcher(text).matches();
    }

    /** A DNS name, optionally with a leading {@code *.} label; {@code minLabels} counts the labels after the wildcard. */
    static boolean isDnsPattern(String pattern, int minLabels) {
        String rest = pattern.startsWith("*.") ? pattern.substring(2) : pattern;
        if (rest.isEmpty() || rest.length() > 253) {
            return false;
        }
        String[] labels = rest.split("\\.", -1);
        if (labels.length < minLabels) {
            return false;
        }
        for (String label : labels) {
            if (!isDns1123Label(label) && !isUnderscoreLabel(label)) {
                return false;
            }
        }
        return true;
    }

    /** Service-discovery labels such as {@code _sip} are valid in DNS names though not in resource names. */
    private static boolean isUnderscoreLabel(String label) {
        return label.length() > 1 && label.length() <= 63 && label.charAt(0) == '_'
                && isDns1123Label(label.substring(1));
    }

    static boolean hasControlOrSpace(String text) {
        return text.chars().anyMatch(c -> c <= 0x20 || c == 0x7f);
    }
}
