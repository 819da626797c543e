package dev.kordon.testing;

import dev.kordon.dsl.spi.PolicySetProvider;
import dev.kordon.simulator.ProfileOption;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link KordonTest} asks for, as a value: equal settings share one {@link Environment} per test run.
 *
 * @param owner   how messages name the annotated class
 * @param options the profile options given (not empty), in the order of {@link ProfileOption}, as written
 */
record Settings(String owner, List<Class<? extends PolicySetProvider>> policies, List<String> manifests,
        String cluster, List<String> targets, boolean intent, List<String> profiles,
        Map<ProfileOption, String> options) {

    Settings {
        policies = List.copyOf(policies);
        manifests = List.copyOf(manifests);
        targets = List.copyOf(targets);
        profiles = List.copyOf(profiles);
        options = options.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(options));
    }

    static Settings of(KordonTest annotation, Class<?> testClass) {
        Map<ProfileOption, String> options = new EnumMap<>(ProfileOption.class);
        options.put(ProfileOption.IP_BLOCK_SELECTS_PODS, annotation.ipBlockSelectsPods());
        options.put(ProfileOption.CALICO_APPLICATION_LAYER_POLICY, annotation.calicoApplicationLayerPolicy());
        options.put(ProfileOption.CALICO_HTTP_PREFIXES, annotation.calicoHttpPrefixes());
        options.put(ProfileOption.CILIUM_POLICY_ENFORCEMENT, annotation.ciliumPolicyEnforcement());
        options.values().removeIf(String::isEmpty);
        return new Settings(testClass.getName(), List.of(annotation.policies()), List.of(annotation.manifests()),
                annotation.cluster(), List.of(annotation.targets()), annotation.intent(),
                List.of(annotation.profiles()), options);
    }

    /** The settings without the class that declared them: the key under which the run shares an environment. */
    Settings key() {
        return new Settings("", policies, manifests, cluster, targets, intent, profiles, options);
    }

    /** How a message names one attribute: {@code @KordonTest(targets) on com.example.ShopTest}. */
    String element(String attribute) {
        return "@KordonTest(" + attribute + ") on " + owner;
    }
}
