package dev.kordon.generators;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Action;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a backend supports one {@link Feature}: its fidelity, why, what to do about it, and the downgrade that an
 * intent may accept to be generated anyway.
 *
 * @param fidelity   how faithfully the feature is enforced
 * @param reason     what is lost or added; for an accepted downgrade, the extra or missing access it causes
 * @param hint       what the user can do (another target, another intent shape, or the downgrade to accept)
 * @param downgrades the downgrade that makes it acceptable: empty when exact, or when nothing can make it so
 * @param widerMatch whether the feature is enforced by matching more traffic than the intent names, so that the
 *                   access it costs depends on the intent's action: more for an allow or a pass (widened), less for
 *                   a deny (narrowed); see {@link #forAction}
 */
public record Support(Fidelity fidelity, String reason, String hint, List<Downgrade> downgrades, boolean widerMatch) {

    private static final Support EXACT = new Support(Fidelity.EXACT, "", "", List.of());

    /** A support whose fidelity does not depend on the intent's action. */
    public Support(Fidelity fidelity, String reason, String hint, List<Downgrade> downgrades) {
        this(fidelity, reason, hint, downgrades, false);
    }

    public Support {
        Objects.requireNonNull(fidelity, "fidelity");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(hint, "hint");
        downgrades = List.copyOf(downgrades);
        if (downgrades.size() > 1) {
            throw new IllegalArgumentException("at most one downgrade per support: " + downgrades);
        }
    }

    /** The feature is enforced exactly. */
    public static Support exact() {
        return EXACT;
    }

    /** The feature is enforced exactly, with a remark worth reading (shown in the capability matrix). */
    public static Support exact(String remark) {
        return new Support(Fidelity.EXACT, remark, "", List.of());
    }

    /** The target cannot express the feature; nothing makes it acceptable. */
    public static Support unsupported(String reason, String hint) {
        return new Support(Fidelity.UNSUPPORTED, reason, hint, List.of());
    }

    /**
     * The target can only enforce the feature less precisely (narrowed or widened), or can leave it out
     * (unsupported), if the intent accepts {@code downgrade}.
     */
    public static Support downgraded(Fidelity fidelity, String reason, String hint, Downgrade downgrade) {
        if (fidelity == Fidelity.EXACT) {
            throw new IllegalArgumentException("an exact feature needs no downgrade");
        }
        return new Support(fidelity, reason, hint, List.of(downgrade));
    }

    /**
     * The target matches more traffic than the intent names (e.g. the world as every address): for an allow or a pass
     * that is more access (widened), for a deny less (narrowed). {@link #forAction} resolves it per intent.
     */
    public static Support widerMatch(String reason, String hint, Downgrade downgrade) {
        return new Support(Fidelity.WIDENED, reason, hint, List.of(downgrade), true);
    }

    /**
     * This support for an intent with this action (null for intents without one, such as isolations): a wider match
     * in a deny denies more, so it is narrowed; everything else is as declared.
     */
    public Support forAction(Action action) {
        if (widerMatch && action == Action.DENY) {
            return new Support(Fidelity.NARROWED, reason, hint, downgrades, true);
        }
        return this;
    }

    /** The downgrade that makes this acceptable, if any. */
    public Optional<Downgrade> downgrade() {
        return downgrades.stream().findFirst();
    }
}
