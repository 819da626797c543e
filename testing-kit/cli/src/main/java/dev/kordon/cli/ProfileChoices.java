package dev.kordon.cli;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.ProfileOption;
import dev.kordon.simulator.input.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The choices an enforcement profile leaves to implementations, as options: each {@link ProfileOption} under its
 * reachability-file key in kebab case, with the same values. Unset options keep the profile's defaults.
 */
final class ProfileChoices {

    static final String IP_BLOCK_SELECTS_PODS = "--ipblock-selects-pods";
    static final String CALICO_APPLICATION_LAYER_POLICY = "--calico-application-layer-policy";
    static final String CALICO_HTTP_PREFIXES = "--calico-http-prefixes";
    static final String CILIUM_POLICY_ENFORCEMENT = "--cilium-policy-enforcement";

    @Option(names = IP_BLOCK_SELECTS_PODS, paramLabel = "BOOL",
            description = "Whether ipBlock/CIDR peers match pod addresses: true or false (default: true on generic and"
                    + " calico, false on cilium).")
    String ipBlockSelectsPods;

    @Option(names = CALICO_APPLICATION_LAYER_POLICY, paramLabel = "BOOL",
            description = "calico: whether HTTP rules are enforced (Application Layer Policy): true or false (default:"
                    + " false).")
    String calicoApplicationLayerPolicy;

    @Option(names = CALICO_HTTP_PREFIXES, paramLabel = "MODE",
            description = "calico: how an HTTP prefix path matches: segments (v3.31.7 and later) or raw (a plain string"
                    + " prefix, earlier versions) (default: segments).")
    String calicoHttpPrefixes;

    @Option(names = CILIUM_POLICY_ENFORCEMENT, paramLabel = "MODE",
            description = "cilium: the agent's enable-policy mode: default, always or never (default: default).")
    String ciliumPolicyEnforcement;

    /**
     * Adds a problem naming the option for each value an option does not accept, and for each option that changes
     * nothing under any of the profiles the command simulates.
     *
     * @param simulated every profile the command simulates; empty when they are unknown
     * @param otherwise how to make an option apply, e.g. {@code "choose --profile calico"}
     */
    void check(List<EnforcementProfile> simulated, Problems problems, Function<ProfileOption, String> otherwise) {
        given().forEach((option, value) -> {
            String name = name(option);
            if (!option.accepts(value)) {
                problems.add(name, "", "", "is not one of " + String.join(", ", option.accepted()) + ": '" + value + "'",
                        "use " + option.acceptedText());
            } else if (!simulated.isEmpty() && simulated.stream().noneMatch(option::appliesTo)) {
                problems.add(name, "", "", "changes nothing here: it applies to " + option.cnisText() + " only",
                        "drop " + name + ", or " + otherwise.apply(option));
            }
        });
    }

    /** The profile with every given choice that applies to it, and has a value that {@link #check} accepts. */
    EnforcementProfile applyTo(EnforcementProfile profile) {
        return ProfileOption.refine(profile, given());
    }

    /** The names of the options given on the command line. */
    List<String> names() {
        return given().keySet().stream().map(ProfileChoices::name).toList();
    }

    /** The options given on the command line and their values, in the order of {@link ProfileOption}. */
    private Map<ProfileOption, String> given() {
        Map<ProfileOption, String> given = new LinkedHashMap<>();
        put(given, ProfileOption.IP_BLOCK_SELECTS_PODS, ipBlockSelectsPods);
        put(given, ProfileOption.CALICO_APPLICATION_LAYER_POLICY, calicoApplicationLayerPolicy);
        put(given, ProfileOption.CALICO_HTTP_PREFIXES, calicoHttpPrefixes);
        put(given, ProfileOption.CILIUM_POLICY_ENFORCEMENT, ciliumPolicyEnforcement);
        return given;
    }

    private static void put(Map<ProfileOption, String> given, ProfileOption option, String value) {
        if (value != null) {
            given.put(option, value);
        }
    }

    /** The command-line name of an option. */
    static String name(ProfileOption option) {
        return switch (option) {
            case IP_BLOCK_SELECTS_PODS -> IP_BLOCK_SELECTS_PODS;
            case CALICO_APPLICATION_LAYER_POLICY -> CALICO_APPLICATION_LAYER_POLICY;
            case CALICO_HTTP_PREFIXES -> CALICO_HTTP_PREFIXES;
            case CILIUM_POLICY_ENFORCEMENT -> CILIUM_POLICY_ENFORCEMENT;
        };
    }
}
