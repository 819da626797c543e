package dev.kordon.cli;

/** Input that the command cannot use; the message says what is wrong and how to fix it. */
final class BadInputException extends Exception {

    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
