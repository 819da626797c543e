package dev.kordon.dsl;

import java.util.List;
import java.util.Objects;

/**
 * An HTTP request method. Methods are case-sensitive tokens; the constants cover every method the backends match.
 * {@link #of(String)} keeps any text so that validation can report a wrong one with its fix.
 */
public record HttpMethod(String token) implements Comparable<HttpMethod> {

    public static final HttpMethod GET = new HttpMethod("GET");
    public static final HttpMethod HEAD = new HttpMethod("HEAD");
    public static final HttpMethod POST = new HttpMethod("POST");
    public static final HttpMethod PUT = new HttpMethod("PUT");
    public static final HttpMethod DELETE = new HttpMethod("DELETE");
    public static final HttpMethod CONNECT = new HttpMethod("CONNECT");
    public static final HttpMethod OPTIONS = new HttpMethod("OPTIONS");
    public static final HttpMethod TRACE = new HttpMethod("TRACE");
    public static final HttpMethod PATCH = new HttpMethod("PATCH");

    /** Every standard method (RFC 9110 and PATCH), the only ones validation accepts. */
    public static final List<HttpMethod> STANDARD = List.of(GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH);

    public HttpMethod {
        Objects.requireNonNull(token, "token");
    }

    /** A method by name; validation rejects anything but the standard upper-case methods. */
    public static HttpMethod of(String token) {
        return new HttpMethod(token);
    }

    /** Whether this is one of the {@link #STANDARD} methods. */
    public boolean isStandard() {
        return STANDARD.contains(this);
    }

    @Override
    public int compareTo(HttpMethod other) {
        return token.compareTo(other.token);
    }

    @Override
    public String toString() {
        return token;
    }
}
