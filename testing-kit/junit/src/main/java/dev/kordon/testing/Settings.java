package dev.kordon.testing;

import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * What a {@link KordonTest} asks for, as a value: equal settings share one {@link Environment} per test run.
 *
 * @param owner how messages name the annotated class
 */
record Settings(String owner, List<Class<? extends PolicySetProvider>> policies, List<String> manifests,
        String cluster, List<String> targets, boolean intent, List<String> profiles) {

    Settings {
        policies = List.copyOf(policies);
        manifests = List.copyOf(manifests);
        targets = List.copyOf(targets);
        profiles = List.copyOf(profiles);
    }

    static Settings of(KordonTest annotation, Class<?> testClass) {
        return new Settings(testClass.getName(), List.of(annotation.policies()), List.of(annotation.manifests()),
                annotation.cluster(), List.of(annotation.targets()), annotation.intent(),
                List.of(annotation.profiles()));
    }

    /** The settings without the class that declared them: the key under which the run shares an environment. */
    Settings key() {
        return new Settings("", policies, manifests, cluster, targets, intent, profiles);
    }

    /** How a message names one attribute: {@code @KordonTest(targets) on com.example.ShopTest}. */
    String element(String attribute) {
        return "@KordonTest(" + attribute + ") on " + owner;
    }
}
