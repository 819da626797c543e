package dev.kordon.generators.cilium;

/**
 * A rule's {@code enableDefaultDeny}: whether its sections put the subject into default deny, per direction;
 * {@code null} leaves Cilium's default (yes, for a direction the rule has a section for).
 *
 * @param ingress for traffic arriving at the subject
 * @param egress  for traffic leaving the subject
 */
public record DefaultDeny(Boolean ingress, Boolean egress) {

    /** Default deny switched off for one direction: the rule then only adds to what other rules decide. */
    static DefaultDeny off(boolean egressSide) {
        return egressSide ? new DefaultDeny(null, false) : new DefaultDeny(false, null);
    }
}
