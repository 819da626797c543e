package dev.kordon.simulator;

import dev.kordon.simulator.EnforcementProfile.CalicoPrefixMatching;
import dev.kordon.simulator.EnforcementProfile.CiliumEnforcement;
import dev.kordon.simulator.EnforcementProfile.Cni;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One choice of an {@link EnforcementProfile} beyond its CNI and mesh, set by name and value as reachability test files
 * spell it ({@code calicoHttpPrefixes: raw}); {@code kordon} options and {@code @KordonTest} attributes use the same
 * names and values.
 *
 * <p>{@code ProfileOption.CALICO_HTTP_PREFIXES.set(EnforcementProfile.named("calico").orElseThrow(), "raw")} is the
 * Calico profile with plain string prefixes; {@code set(profile, "prefix")} is empty, as {@code "prefix"} is not among
 * {@link #accepted()}.
 */
public enum ProfileOption {

    /** Whether ipBlock/CIDR peers match pod addresses; every CNI. */
    IP_BLOCK_SELECTS_PODS("ipBlockSelectsPods", List.of("true", "false"),
            Set.of(Cni.GENERIC, Cni.CALICO, Cni.CILIUM)),
    /** Whether Calico enforces HTTP rules (Application Layer Policy). */
    CALICO_APPLICATION_LAYER_POLICY("calicoApplicationLayerPolicy", List.of("true", "false"),
            Set.of(Cni.CALICO)),
    /** How Calico matches an HTTP {@code prefix} path: {@link CalicoPrefixMatching}. */
    CALICO_HTTP_PREFIXES("calicoHttpPrefixes", List.of("segments", "raw"), Set.of(Cni.CALICO)),
    /** Cilium's enforcement mode: {@link CiliumEnforcement}. */
    CILIUM_POLICY_ENFORCEMENT("ciliumPolicyEnforcement", List.of("default", "always", "never"),
            Set.of(Cni.CILIUM));

    private final String key;
    private final List<String> values;
    private final Set<Cni> cnis;

    ProfileOption(String key, List<String> values, Set<Cni> cnis) {
        this.key = key;
        this.values = values;
        this.cnis = cnis;
    }

    /** The option's name in a reachability test file's {@code profile}, e.g. {@code calicoHttpPrefixes}. */
    public String key() {
        return key;
    }

    /** The values it accepts, in lower case. */
    public List<String> accepted() {
        return values;
    }

    /** The accepted values in words, {@code segments or raw}. */
    public String acceptedText() {
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }

    /** Whether the option changes anything under this profile's CNI. */
    public boolean appliesTo(EnforcementProfile profile) {
        return cnis.contains(profile.cni());
    }

    /** The CNIs the option changes anything under, in words: {@code calico}. */
    public String cnisText() {
        return String.join(", ", cnis.stream().map(Cni::toString).sorted().toList());
    }

    /**
     * The profile with each of the options set to its value, where the option applies to the profile's CNI and
     * accepts the value; the others are left out.
     */
    public static EnforcementProfile refine(EnforcementProfile profile, Map<ProfileOption, String> values) {
        EnforcementProfile result = profile;
        for (Map.Entry<ProfileOption, String> entry : values.entrySet()) {
            if (entry.getKey().appliesTo(result)) {
                result = entry.getKey().set(result, entry.getValue()).orElse(result);
            }
        }
        return result;
    }

    /** Whether the option accepts the value, one of {@link #accepted()} in any case. */
    public boolean accepts(String value) {
        return values.contains(value.toLowerCase(Locale.ROOT));
    }

    /** The profile with this option set to the value (case-insensitive); empty when the value is not accepted. */
    public Optional<EnforcementProfile> set(EnforcementProfile profile, String value) {
        if (!accepts(value)) {
            return Optional.empty();
        }
        String chosen = value.toLowerCase(Locale.ROOT);
        EnforcementProfile p = profile;
        return Optional.of(switch (this) {
            case IP_BLOCK_SELECTS_PODS -> new EnforcementProfile(p.cni(), p.mesh(), p.calicoApplicationLayerPolicy(),
                    Boolean.parseBoolean(chosen), p.ciliumPolicyEnforcement(), p.calicoHttpPrefixes());
            case CALICO_APPLICATION_LAYER_POLICY -> new EnforcementProfile(p.cni(), p.mesh(),
                    Boolean.parseBoolean(chosen), p.ipBlockSelectsPods(), p.ciliumPolicyEnforcement(),
                    p.calicoHttpPrefixes());
            case CALICO_HTTP_PREFIXES -> new EnforcementProfile(p.cni(), p.mesh(), p.calicoApplicationLayerPolicy(),
                    p.ipBlockSelectsPods(), p.ciliumPolicyEnforcement(),
                    CalicoPrefixMatching.valueOf(chosen.toUpperCase(Locale.ROOT)));
            case CILIUM_POLICY_ENFORCEMENT -> new EnforcementProfile(p.cni(), p.mesh(), p.calicoApplicationLayerPolicy(),
                    p.ipBlockSelectsPods(), CiliumEnforcement.valueOf(chosen.toUpperCase(Locale.ROOT)),
                    p.calicoHttpPrefixes());
        });
    }
}
