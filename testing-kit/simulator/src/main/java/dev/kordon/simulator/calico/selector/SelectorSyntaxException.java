package dev.kordon.simulator.calico.selector;

/** A Calico selector that does not parse; the message says what is wrong and where. */
public final class SelectorSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    SelectorSyntaxException(String message) {
        super(message);
    }
}
