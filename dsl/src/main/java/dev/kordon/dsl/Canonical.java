package dev.kordon.dsl;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/** Canonical ordering for set-like model lists, so that equal meanings give equal values and stable output. */
final class Canonical {

    private Canonical() {
    }

    /**
     * Returns the elements without duplicates, sorted by their canonical text ({@code toString()}), as an
     * unmodifiable list. Model types render their canonical text without locale or hash dependence.
     */
    static <T> List<T> sortedSet(Collection<? extends T> elements, String what) {
        Objects.requireNonNull(elements, what);
        TreeMap<String, T> byText = new TreeMap<>(Comparator.naturalOrder());
        for (T element : elements) {
            Objects.requireNonNull(element, () -> what + " must not contain null");
            T earlier = byText.putIfAbsent(element.toString(), element);
            if (earlier != null && !earlier.equals(element)) {
                // Canonical texts quote every free-form string, so this means a toString() lost information.
                throw new IllegalStateException("two different " + what + " have the same canonical text '" + element
                        + "'; this is a bug in Kordon, please report it");
            }
        }
        return List.copyOf(byText.values());
    }

    /**
     * A free-form string as it appears in canonical text: as is when it holds only characters that never act as
     * separators there, otherwise in double quotes with {@code \} and {@code "} escaped. This keeps canonical text
     * injective: different values never print the same.
     */
    static String quote(String text) {
        if (isPlain(text)) {
            return text;
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static boolean isPlain(String text) {
        // A loop, not a stream: this runs for every label value of every policy read.
        for (int i = 0; i < text.length(); i++) {
            if (!isPlain(text.charAt(i))) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private static boolean isPlain(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "._/:*@+~%$-".indexOf(c) >= 0;
    }

    /** Each string quoted, joined with the separator. */
    static String quoteAll(Collection<String> texts, String separator) {
        StringBuilder joined = new StringBuilder();
        for (String text : texts) {
            joined.append(joined.length() == 0 ? "" : separator).append(quote(text));
        }
        return joined.toString();
    }

    /** Joins the canonical texts of the elements with the separator. */
    static String join(Collection<?> elements, String separator) {
        StringBuilder text = new StringBuilder();
        for (Object element : elements) {
            if (text.length() > 0) {
                text.append(separator);
            }
            text.append(element);
        }
        return text.toString();
    }
}
