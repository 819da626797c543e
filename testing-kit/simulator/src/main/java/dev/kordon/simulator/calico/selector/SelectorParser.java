package dev.kordon.simulator.calico.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Calico's selector grammar, token for token as {@code libcalico-go/lib/selector/{tokenizer,parser}} read it:
 * whitespace is only space and tab, strings are quoted with {@code "} or {@code '} without escapes, label keys are
 * {@code [a-zA-Z0-9_./-]}, {@code ||} binds loosest, then {@code &&}, then {@code !}.
 */
final class SelectorParser {

    private enum Kind { LABEL, STRING, LBRACE, RBRACE, COMMA, EQ, NE, IN, NOT_IN, CONTAINS, STARTS_WITH, ENDS_WITH,
        ALL, GLOBAL, HAS, LPAREN, RPAREN, AND, OR, NOT, EOF }

    private record Token(Kind kind, String value, int position) {
    }

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int next;

    SelectorParser(String text) {
        this.text = text;
    }

    Selector parse() {
        tokenize();
        if (tokens.get(0).kind() == Kind.EOF) {
            return new Selector.All();
        }
        Selector selector = or();
        if (peek().kind() != Kind.EOF) {
            throw error("unexpected content at position " + peek().position());
        }
        return selector;
    }

    private Selector or() {
        List<Selector> operands = new ArrayList<>(List.of(and()));
        while (peek().kind() == Kind.OR) {
            next++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Selector.Or(operands);
    }

    private Selector and() {
        List<Selector> operands = new ArrayList<>(List.of(operation()));
        while (peek().kind() == Kind.AND) {
            next++;
            operands.add(operation());
        }
        return operands.size() == 1 ? operands.get(0) : new Selector.And(operands);
    }

    private Selector operation() {
        boolean negated = false;
        while (peek().kind() == Kind.NOT) {
            negated = !negated;
            next++;
        }
        Token token = tokens.get(next++);
        Selector selector = switch (token.kind()) {
            case HAS -> new Selector.Has(token.value());
            case ALL -> new Selector.All();
            case GLOBAL -> new Selector.Global();
            case LABEL -> labelOperation(token);
            case LPAREN -> parenthesized();
            case EOF -> throw error("unexpected end of selector, expected an expression");
            default -> throw error("unexpected " + describe(token) + " at position " + token.position());
        };
        return negated ? new Selector.Not(selector) : selector;
    }

    private Selector parenthesized() {
        Selector inner = or();
        if (peek().kind() != Kind.RPAREN) {
            throw error("expected ) at position " + peek().position());
        }
        next++;
        return inner;
    }

    private Selector labelOperation(Token label) {
        Token operator = tokens.get(next++);
        Selector.Compare.Operator compare = switch (operator.kind()) {
            case EQ -> Selector.Compare.Operator.EQUALS;
            case NE -> Selector.Compare.Operator.NOT_EQUALS;
            case CONTAINS -> Selector.Compare.Operator.CONTAINS;
            case STARTS_WITH -> Selector.Compare.Operator.STARTS_WITH;
            case ENDS_WITH -> Selector.Compare.Operator.ENDS_WITH;
            case IN, NOT_IN -> null;
            default -> throw error("expected an operator after label " + label.value() + " at position "
                    + operator.position());
        };
        if (compare == null) {
            return set(label, operator.kind() == Kind.NOT_IN);
        }
        Token value = tokens.get(next++);
        if (value.kind() != Kind.STRING) {
            throw error("expected a quoted string after " + label.value() + " " + compare + " at position "
                    + value.position());
        }
        return new Selector.Compare(label.value(), compare, value.value());
    }

    private Selector set(Token label, boolean negated) {
        if (peek().kind() != Kind.LBRACE) {
            throw error("expected a set literal {...} after " + label.value() + (negated ? " not in" : " in")
                    + " at position " + peek().position());
        }
        next++;
        TreeSet<String> values = new TreeSet<>();
        while (peek().kind() == Kind.STRING) {
            values.add(tokens.get(next++).value());
            if (peek().kind() != Kind.COMMA) {
                break;
            }
            next++;
        }
        if (peek().kind() != Kind.RBRACE) {
            throw error("expected } at position " + peek().position());
        }
        next++;
        return new Selector.InSet(label.value(), values, negated);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private SelectorSyntaxException error(String message) {
        return new SelectorSyntaxException("invalid selector '" + text + "': " + message);
    }

    private static String describe(Token token) {
        return token.value().isEmpty() ? token.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                : "'" + token.value() + "'";
    }

    // ---- tokenizer (tokenizer.go) ----

    private void tokenize() {
        int at = 0;
        while (true) {
            at = skipWhitespace(at);
            if (at >= text.length()) {
                tokens.add(new Token(Kind.EOF, "", at));
                return;
            }
            at = token(at);
        }
    }

    private int skipWhitespace(int at) {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    private int token(int at) {
        char c = text.charAt(at);
        switch (c) {
            case '(' -> add(Kind.LPAREN, at);
            case ')' -> add(Kind.RPAREN, at);
            case '{' -> add(Kind.LBRACE, at);
            case '}' -> add(Kind.RBRACE, at);
            case ',' -> add(Kind.COMMA, at);
            case '"', '\'' -> {
                return string(at, c);
            }
            case '=' -> {
                return pair(at, '=', Kind.EQ, "expected == at position " + at);
            }
            case '&' -> {
                return pair(at, '&', Kind.AND, "expected && at position " + at);
            }
            case '|' -> {
                return pair(at, '|', Kind.OR, "expected || at position " + at);
            }
            case '!' -> {
                if (at + 1 < text.length() && text.charAt(at + 1) == '=') {
                    tokens.add(new Token(Kind.NE, "", at));
                    return at + 2;
                }
                add(Kind.NOT, at);
            }
            default -> {
                return word(at);
            }
        }
        return at + 1;
    }

    private void add(Kind kind, int at) {
        tokens.add(new Token(kind, "", at));
    }

    private int string(int at, char quote) {
        int end = text.indexOf(quote, at + 1);
        if (end < 0) {
            throw error("unterminated string starting at position " + at);
        }
        tokens.add(new Token(Kind.STRING, text.substring(at + 1, end), at));
        return end + 1;
    }

    private int pair(int at, char second, Kind kind, String message) {
        if (at + 1 < text.length() && text.charAt(at + 1) == second) {
            tokens.add(new Token(kind, "", at));
            return at + 2;
        }
        throw error(message);
    }

    private int word(int at) {
        String rest = text.substring(at);
        boolean afterLabel = !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == Kind.LABEL;
        if (afterLabel) {
            return labelOperator(at, rest);
        }
        if (rest.startsWith("has(")) {
            int start = skipWhitespace(at + 4);
            String key = identifier(start);
            if (key.isEmpty()) {
                throw error("no label name in has( at position " + at);
            }
            int close = skipWhitespace(start + key.length());
            if (close >= text.length() || text.charAt(close) != ')') {
                throw error("no closing ) after has( at position " + at);
            }
            tokens.add(new Token(Kind.HAS, key, at));
            return close + 1;
        }
        for (String function : List.of("all(", "global(")) {
            if (rest.startsWith(function)) {
                int close = skipWhitespace(at + function.length());
                if (close >= text.length() || text.charAt(close) != ')') {
                    throw error("no closing ) after " + function + " at position " + at);
                }
                add(function.equals("all(") ? Kind.ALL : Kind.GLOBAL, at);
                return close + 1;
            }
        }
        String key = identifier(at);
        if (key.isEmpty()) {
            throw error("unexpected characters at position " + at + (endsWithKey(at)
                    ? " (a selector cannot end with a label: is a value missing its quotes?)" : ""));
        }
        tokens.add(new Token(Kind.LABEL, key, at));
        return at + key.length();
    }

    private int labelOperator(int at, String rest) {
        String label = tokens.get(tokens.size() - 1).value();
        String expecting = "unexpected characters after label '" + label + "' at position " + at
                + ", expected an operator";
        if (rest.startsWith("contains")) {
            add(Kind.CONTAINS, at);
            return at + "contains".length();
        }
        for (String[] twoWords : new String[][] {{"starts", "with"}, {"ends", "with"}, {"not", "in"}}) {
            if (rest.startsWith(twoWords[0])) {
                int second = skipWhitespace(at + twoWords[0].length());
                if (!text.startsWith(twoWords[1], second)) {
                    throw error(expecting);
                }
                add(twoWords[0].equals("starts") ? Kind.STARTS_WITH : twoWords[0].equals("ends") ? Kind.ENDS_WITH
                        : Kind.NOT_IN, at);
                return second + twoWords[1].length();
            }
        }
        if (rest.startsWith("in")) {
            add(Kind.IN, at);
            return at + 2;
        }
        throw error(expecting);
    }

    private boolean endsWithKey(int at) {
        return at < text.length() && text.substring(at).chars().allMatch(c -> c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '/' || c == '-');
    }

    /** Calico's findIdentifier: the run of key characters, or nothing when it runs to the end of the input. */
    private String identifier(int at) {
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keyChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    || c == '.' || c == '/' || c == '-';
            if (!keyChar) {
                return text.substring(at, i);
            }
        }
        return "";
    }
}
