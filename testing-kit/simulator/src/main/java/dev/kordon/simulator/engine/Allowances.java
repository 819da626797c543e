package dev.kordon.simulator.engine;

import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a CNI allows in one direction for every subject and peer of a {@link MatrixProbes} at once, stated per rule.
 * For a subject and a peer, the {@link TierRule tier rules} of stage {@link Stage#BEFORE BEFORE} that name both
 * decide first, in order; what they leave (pass on, or do not match) is decided, for an
 * {@link #isEnforced(int) enforced} subject, by the union of the {@link Grant grants} that name the pair, and for
 * any other subject by the tier rules of stage {@link Stage#AFTER AFTER}, which allow what they do not deny. With no
 * tier rules, a subject that is not enforced allows everything and an enforced one exactly the union of its grants.
 * Exact only when the engine says so by returning it; an engine whose policies cannot be stated this way returns
 * none, and flows are decided one by one.
 *
 * @param direction the direction: egress at the source, or ingress at the destination
 * @param enforced  the peer indexes of the subjects whose grants decide what the tier rules before them leave
 * @param grants    the grants
 * @param tiers     the tier rules, in the order they are evaluated (stage, group, policy, rule)
 */
public record Allowances(Direction direction, BitSet enforced, List<Grant> grants, List<TierRule> tiers) {

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
        tiers = tiers.stream().sorted(TierRule.ORDER).toList();
    }

    /** Allowances of grants alone: no tier decides before or after them. */
    public Allowances(Direction direction, BitSet enforced, List<Grant> grants) {
        this(direction, enforced, grants, List.of());
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

    /** Where a tier rule is evaluated: before the grants, or after them for the subjects that are not enforced. */
    public enum Stage {
        /** Before the grants (Kubernetes: the Admin tier). */
        BEFORE,
        /** After the grants, for subjects that are not enforced (Kubernetes: the Baseline tier). */
        AFTER
    }

    /** What a tier rule does with the connections it matches. */
    public enum Action {
        /** Allows them: final. */
        ALLOW,
        /** Denies them: final. */
        DENY,
        /** Leaves them to what comes after the stage. */
        PASS
    }

    /**
     * A rule of an ordered tier: the subjects' connections in {@code ports} with the peers get {@code action}, unless
     * an earlier rule decided them. Within a policy the first rule that matches a connection decides it for the
     * policy; within a group (one priority) the policies that decide a connection decide it together when they
     * agree, and deny it when they disagree (the spec leaves that case undefined: a decision reports it as
     * ambiguous); the first group that decides a connection decides it for the stage. One rule may be stated as
     * several tier rules with the same stage, group, policy and rule (its ports differ per destination pod when it
     * names ports), whose connections add up. The arrays are shared, not copied: nobody changes them once built.
     *
     * @param stage    before or after the grants
     * @param group    the group in the stage: lower first (Kubernetes: the priority)
     * @param policy   the policy in the stage: in the order of the groups, each number one policy
     * @param rule     the rule's position in its policy
     * @param action   what it does
     * @param subjects the peer indexes of the subjects, ascending
     * @param peers    the peer indexes it names
     * @param ports    the connections it matches
     */
    public record TierRule(Stage stage, int group, int policy, int rule, Action action, int[] subjects, BitSet peers,
            long[] ports) {

        /** The order of evaluation. */
        static final Comparator<TierRule> ORDER = Comparator.comparing(TierRule::stage)
                .thenComparingInt(TierRule::group).thenComparingInt(TierRule::policy).thenComparingInt(TierRule::rule);

        public TierRule {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(subjects, "subjects");
            Objects.requireNonNull(peers, "peers");
            Objects.requireNonNull(ports, "ports");
        }

        /** Whether the other rule is a part of the same rule of the same policy. */
        public boolean sameRule(TierRule other) {
            return stage == other.stage && policy == other.policy && rule == other.rule;
        }

        /** Whether the other rule belongs to the same policy. */
        public boolean samePolicy(TierRule other) {
            return stage == other.stage && policy == other.policy;
        }

        /** Whether the other rule belongs to the same group. */
        public boolean sameGroup(TierRule other) {
            return stage == other.stage && group == other.group;
        }
    }
}
