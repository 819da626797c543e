package dev.kordon.testing;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.ProfileOption;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@link KordonTest} attributes that refine the enforcement profile of every target or profile a test runs on
 * ({@code calicoHttpPrefixes = "raw"}): each {@link ProfileOption} under its key, with the values of reachability
 * test files.
 */
final class ProfileChoices {

    private ProfileChoices() {
    }

    /**
     * Checks the settings' options against the invocations they will refine.
     *
     * @param invocations the targets or profiles the test runs on, with {@link EnforcementProfile} each
     * @throws KordonConfigurationException for a value an option does not accept, or an option that applies to none of
     *                                      the invocations, naming the attribute and the fix
     */
    static void check(Settings settings, Map<String, EnforcementProfile> invocations) {
        boolean manifests = settings.policies().isEmpty();
        settings.options().forEach((option, value) -> {
            String element = settings.element(option.key());
            if (!option.accepts(value)) {
                throw new KordonConfigurationException(element + ": '" + value + "' is not one of "
                        + String.join(", ", option.accepted()), "write " + option.key() + " = " + option.accepted()
                        .stream().map(each -> '"' + each + '"').collect(Collectors.joining(" or ")));
            }
            if (invocations.values().stream().noneMatch(option::appliesTo)) {
                throw new KordonConfigurationException(element + ": applies to " + option.cnisText() + " only, and"
                        + " the test runs on " + (invocations.isEmpty() ? "the intent only"
                                : String.join(", ", invocations.keySet())), "add a " + option.cnisText()
                        + (manifests ? " profile to profiles" : " target to targets") + ", or remove " + option.key());
            }
        });
    }

    /**
     * The invocation as failure messages name it: with the options of the settings that apply to its profile,
     * {@code calico (calicoHttpPrefixes = "raw")}, or its name alone.
     */
    static String describe(Settings settings, String invocation, EnforcementProfile profile) {
        String options = settings.options().entrySet().stream().filter(entry -> entry.getKey().appliesTo(profile))
                .map(entry -> entry.getKey().key() + " = \"" + entry.getValue() + '"')
                .collect(Collectors.joining(", "));
        return options.isEmpty() ? invocation : invocation + " (" + options + ")";
    }

    /** The profile with every option of the settings that applies to it. */
    static EnforcementProfile apply(Settings settings, EnforcementProfile profile) {
        return ProfileOption.refine(profile, settings.options());
    }
}
