package dev.kordon.codegen.importer;

/**
 * A field of a policy that the DSL cannot say exactly: the import reports it with the field's path and leaves the
 * whole object out.
 */
final class NotExpressible extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String fix;

    NotExpressible(String field, String message, String fix) {
        super(message, null, false, false);
        this.field = field;
        this.fix = fix;
    }

    String field() {
        return field;
    }

    String fix() {
        return fix;
    }
}
