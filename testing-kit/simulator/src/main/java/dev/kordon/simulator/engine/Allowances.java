package dev.kordon.simulator.engine;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * What a CNI allows in one direction for every subject and peer of a {@link MatrixProbes} at once, stated per rule:
 * a subject that is not {@link #isEnforced(int) enforced} allows everything in this direction; an enforced one allows
 * exactly the union of the {@link Grant grants} that name it. Exact only when the engine says so by returning it;
 * an engine whose policies cannot be stated this way returns none, and flows are decided one by one.
 *
 * @param direction the direction: egress at the source, or ingress at the destination
 * @param enforced  the peer indexes of the subjects that allow only what their grants allow
 * @param grants    the grants
 */
public record Allowances(Direction direction, BitSet enforced, List<Grant> grants) {

    /** Which end of a flow the subject is. */
    public enum Direction {
        /** The subject is the source; the peers are destinations. */
        EGRESS,
        /** The subject is the destination; the peers are sources. */
        INGRESS
    }

    public Allowances {
        Objects.requireNonNull(direction, "direction");
        enforced = (BitSet) enforced.clone();
        grants = List.copyOf(grants);
    }

    /** The peer indexes of the enforced subjects (a copy: the record stays immutable). */
    @Override
    public BitSet enforced() {
        return (BitSet) enforced.clone();
    }

    /** Whether the subject at this peer index allows only what its grants allow. */
    public boolean isEnforced(int subject) {
        return enforced.get(subject);
    }

    /**
     * The subjects allow the peers the connections in {@code ports} (a bit set laid out as {@link MatrixProbes}
     * says). The arrays are shared, not copied: nobody changes them once built.
     *
     * @param subjects the peer indexes of the subjects, ascending
     * @param peers    the peer indexes allowed
     * @param ports    the connections allowed
     */
    public record Grant(int[] subjects, BitSet peers, long[] ports) {
        public Grant {
            Objects.requireNonNull(subjects, "subjects");
            Objects.requireNonNull(peers, "peers");
            Objects.requireNonNull(ports, "ports");
        }
    }
}
