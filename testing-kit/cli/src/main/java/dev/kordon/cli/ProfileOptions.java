package dev.kordon.cli;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The enforcement profile of a command that simulates one: {@code --profile cni[+istio]} and the {@link ProfileChoices}
 * that refine it, e.g. {@code --profile calico --calico-application-layer-policy true --calico-http-prefixes raw}.
 */
final class ProfileOptions {

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "generic",
            description = "What enforces policy: generic, calico or cilium, optionally +istio (default: ${DEFAULT-VALUE}).")
    String profile;

    @Mixin
    ProfileChoices choices = new ProfileChoices();

    /** The profile the options describe; every bad value is a problem naming its option. */
    EnforcementProfile profile(Problems problems) {
        Optional<EnforcementProfile> named = EnforcementProfile.named(profile);
        if (named.isEmpty()) {
            problems.add("--profile", "", "", "is not a profile: '" + profile + "'",
                    "use generic, calico or cilium, optionally followed by +istio");
        }
        choices.check(named.map(List::of).orElse(List.of()), problems,
                option -> "choose --profile " + option.cnisText());
        return choices.applyTo(named.orElse(EnforcementProfile.generic()));
    }
}
