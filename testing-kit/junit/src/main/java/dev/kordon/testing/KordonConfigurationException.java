package dev.kordon.testing;

/**
 * A {@link KordonTest} that cannot run as written: an unknown target, a provider Kordon cannot instantiate, a path
 * that does not exist, a workload the cluster does not have. The message names the element and the fix.
 */
public final class KordonConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KordonConfigurationException(String problem, String fix) {
        super(problem + "\n  fix: " + fix);
    }
}
