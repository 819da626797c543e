package dev.kordon.generators;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.kordon.dsl.Downgrade;
import java.util.List;
import java.util.Objects;

/**
 * How one feature of one intent fares on one target: exact, or narrowed, widened or unsupported, with why and what to
 * do, and whether the intent accepted the downgrade that makes it acceptable.
 *
 * @param policySet  the policy set
 * @param intent     the intent's name
 * @param declaredAt where the intent was declared ({@code File.java:42}), or empty; named in error messages, left
 *                   out of the written report so that moving a line does not change the output
 * @param target     the target's id
 * @param backend    the backend that reported it
 * @param feature    the feature of the intent
 * @param fidelity   how faithfully it is enforced
 * @param reason     what is lost or added: the extra or missing access
 * @param hint       what to do about it
 * @param downgrade  the downgrade that makes it acceptable, if any (zero or one)
 * @param accepted   whether the intent accepted that downgrade
 */
public record FidelityEntry(String policySet, String intent, @JsonIgnore String declaredAt, String target, String backend,
        Feature feature, Fidelity fidelity, String reason, String hint, List<Downgrade> downgrade, boolean accepted) {

    public FidelityEntry {
        Objects.requireNonNull(policySet, "policySet");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(declaredAt, "declaredAt");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(fidelity, "fidelity");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(hint, "hint");
        downgrade = List.copyOf(downgrade);
    }

    /** Whether this entry stops generation: not exact, and not accepted. */
    public boolean isProblem() {
        return fidelity != Fidelity.EXACT && !accepted;
    }

    /** One line for people, plus the fix when it is a problem. */
    public String describe() {
        StringBuilder text = new StringBuilder().append(fidelity).append(' ').append(feature).append(" [")
                .append(backend).append("]: ").append(reason);
        if (accepted) {
            text.append(" (accepted: ").append(downgrade.get(0)).append(')');
        } else if (!hint.isEmpty()) {
            text.append("\n  fix: ").append(hint);
        }
        return text.toString();
    }
}
