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
            byText.putIfAbsent(element.toString(), element);
        }
        return List.copyOf(byText.values());
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
