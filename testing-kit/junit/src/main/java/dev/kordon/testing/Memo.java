package dev.kordon.testing;

import java.util.function.Supplier;

/** A value computed on first use and kept; safe when tests run in parallel. */
final class Memo<T> implements Supplier<T> {

    private final Supplier<T> computation;
    private volatile T value;

    private Memo(Supplier<T> computation) {
        this.computation = computation;
    }

    static <T> Memo<T> of(Supplier<T> computation) {
        return new Memo<>(computation);
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = computation.get();
                    value = result;
                }
            }
        }
        return result;
    }
}
