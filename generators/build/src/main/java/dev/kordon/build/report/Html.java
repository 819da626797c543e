package dev.kordon.build.report;

import java.util.Locale;

/** Escaping for text and attribute values in HTML and inline SVG, and ids made from user strings. */
final class Html {

    private Html() {
    }

    /**
     * The text with {@code & < > " '} as character references and control characters other than tab and newline
     * replaced by U+FFFD, so that it is safe both as element content and inside a quoted attribute.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch < 0x20 && ch != '\n' && ch != '\t' || ch == 0x7f ? '\uFFFD' : ch);
            }
        }
        return out.toString();
    }

    /** An id fragment made of {@code [a-z0-9-]} only: {@code cilium+istio} gives {@code cilium-istio}. */
    static String slug(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' ? ch : '-');
        }
        return out.toString();
    }
}
