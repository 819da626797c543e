package dev.kordon.codegen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Java identifiers derived from Kubernetes names, the same way every time. A name is split into words at every
 * character that is not an ASCII letter or digit; constants join the words upper-cased with {@code _}
 * ({@code kube-dns} becomes {@code KUBE_DNS}), types capitalise each word and join them ({@code kube-system} becomes
 * {@code KubeSystem}). A result that starts with a digit gets a leading {@code _}; a name without letters or digits
 * becomes {@code _}{@code _}. Neither form can be a Java keyword, which are all lower case. Collisions are resolved
 * by {@link Scope}.
 */
public final class JavaNames {

    private JavaNames() {
    }

    /** {@code UPPER_SNAKE} for a constant. */
    public static String constant(String name) {
        return safe(String.join("_", words(name)).toUpperCase(Locale.ROOT));
    }

    /** {@code UpperCamel} for a type. */
    public static String type(String name) {
        StringBuilder text = new StringBuilder();
        for (String word : words(name)) {
            text.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return safe(text.toString());
    }

    /** Whether {@code text} is a dotted Java package name (or empty, the unnamed package). */
    public static boolean isPackageName(String text) {
        if (text.isEmpty()) {
            return true;
        }
        for (String part : text.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} is a Java identifier that is not a keyword. */
    public static boolean isIdentifier(String text) {
        return javax.lang.model.SourceVersion.isIdentifier(text) && !javax.lang.model.SourceVersion.isKeyword(text);
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static String safe(String identifier) {
        if (identifier.isEmpty()) {
            return "__";
        }
        return Character.isDigit(identifier.charAt(0)) ? "_" + identifier : identifier;
    }

    /**
     * The identifiers already used in one Java scope. {@link #claim} hands out the derived identifier, or, when it is
     * taken, the first free one of {@code _2}, {@code _3}, …; callers claim in a fixed order (sorted by the original
     * names), so the same names always get the same identifiers.
     */
    public static final class Scope {

        private final Set<String> taken = new HashSet<>();

        /** A scope in which the {@code reserved} identifiers are already taken. */
        public Scope(Set<String> reserved) {
            taken.addAll(reserved);
        }

        /** {@code identifier}, or the first free {@code identifier_n} (n from 2). */
        public String claim(String identifier) {
            String candidate = identifier;
            for (int n = 2; !taken.add(candidate); n++) {
                candidate = identifier + "_" + n;
            }
            return candidate;
        }
    }
}
