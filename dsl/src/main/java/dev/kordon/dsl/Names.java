package dev.kordon.dsl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Deterministic, DNS-1123-safe names for everything Kordon generates.
 *
 * <p>{@code Names.dns1123Label("Allow Frontend→Backend")} is {@code allow-frontend-backend}. Text longer than 63
 * characters is cut and given an 8-character hash of the whole text, so two long names that share a beginning stay
 * distinct. The result depends only on the input: no locale, no clock, no counter.
 */
public final class Names {

    /** The maximum length of a DNS-1123 label. */
    public static final int MAX_LABEL = 63;

    private static final int HASH_CHARS = 8;

    private Names() {
    }

    /** A DNS-1123 label derived from free text: lower case, {@code [a-z0-9-]}, at most 63 characters. */
    public static String dns1123Label(String text) {
        return dns1123Label(text, MAX_LABEL);
    }

    /** A DNS-1123 label derived from free text, at most {@code maxLength} characters (at least 16). */
    public static String dns1123Label(String text, int maxLength) {
        if (maxLength < 2 * HASH_CHARS || maxLength > MAX_LABEL) {
            throw new IllegalArgumentException("maxLength out of range 16..63: " + maxLength);
        }
        String sanitized = sanitize(text);
        if (sanitized.isEmpty()) {
            return "x-" + hash(text, HASH_CHARS);
        }
        if (sanitized.length() <= maxLength) {
            return sanitized;
        }
        String head = trimDashes(sanitized.substring(0, maxLength - HASH_CHARS - 1));
        return head + "-" + hash(text, HASH_CHARS);
    }

    /** {@code base} with a hash of {@code distinguisher} appended, still a DNS-1123 label of at most 63 characters. */
    public static String withSuffix(String base, String distinguisher) {
        String suffix = hash(distinguisher, 6);
        String head = dns1123Label(base);
        if (head.length() + 1 + suffix.length() > MAX_LABEL) {
            head = trimDashes(head.substring(0, MAX_LABEL - 1 - suffix.length()));
        }
        return head + "-" + suffix;
    }

    /** The first {@code hexChars} lower-case hex digits of the SHA-256 of the UTF-8 text. */
    public static String hash(String text, int hexChars) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(Character.forDigit(b >> 4 & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.substring(0, Math.min(hexChars, hex.length()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String sanitize(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (ok) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        return trimDashes(out.toString());
    }

    private static String trimDashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }
}
