package dev.kordon.testing;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link KordonTest}: runs each {@link ReachabilityTest} once per target, passing that target's
 * {@link Reachability}. The loaded {@link Environment} lives in the root context's store under the settings, so it is
 * built once per run for every class that asks for the same thing.
 */
final class KordonExtension implements TestTemplateInvocationContextProvider, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KordonExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(method -> AnnotationSupport.isAnnotated(method, ReachabilityTest.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Environment environment = environment(context);
        Method method = context.getRequiredTestMethod();
        List<String> all = environment.invocations();
        String[] pinned = AnnotationSupport.findAnnotation(method, ReachabilityTest.class).orElseThrow().targets();
        if (pinned.length > 0) {
            List<String> unknown = Arrays.stream(pinned).filter(name -> !all.contains(name)).toList();
            if (!unknown.isEmpty()) {
                throw new ExtensionConfigurationException("@ReachabilityTest(targets) on " + method.getDeclaringClass()
                        .getName() + "." + method.getName() + ": " + String.join(", ", unknown) + " is not among the"
                        + " targets of its class (" + String.join(", ", all) + ")\n  fix: pin one of those, or add it"
                        + " to @KordonTest(targets)");
            }
            return all.stream().filter(name -> Arrays.asList(pinned).contains(name))
                    .map(name -> new Invocation(environment, name));
        }
        return all.stream().map(name -> new Invocation(environment, name));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        // In a @ReachabilityTest the invocation's own resolver passes the target's Reachability.
        return parameter.getParameter().getType() == Reachability.class
                && !AnnotationSupport.isAnnotated(parameter.getDeclaringExecutable(), ReachabilityTest.class);
    }

    @Override
    public Reachability resolveParameter(ParameterContext parameter, ExtensionContext context) {
        throw new ParameterResolutionException(parameter.getDeclaringExecutable() + ": a Reachability is passed to"
                + " @ReachabilityTest methods, once per target\n  fix: annotate the method with @ReachabilityTest"
                + " instead of @Test (pin one target with @ReachabilityTest(targets = \"cilium\"))");
    }

    /** The class's environment, loaded on first use and kept for the run. */
    static Environment environment(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        KordonTest annotation = AnnotationSupport.findAnnotation(testClass, KordonTest.class).orElseThrow(
                () -> new ExtensionConfigurationException(testClass.getName() + " uses the Kordon extension without"
                        + " @KordonTest\n  fix: annotate the class with @KordonTest(policies = ...) or"
                        + " @KordonTest(manifests = ...)"));
        Settings settings = Settings.of(annotation, testClass);
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Loaded loaded = store.getOrComputeIfAbsent(settings.key(), key -> Loaded.of(settings, testClass), Loaded.class);
        return loaded.environment(settings);
    }

    /** An environment, or why it could not be loaded (so that every test using it fails with the same message). */
    private record Loaded(Environment value, RuntimeException failure) {

        static Loaded of(Settings settings, Class<?> testClass) {
            try {
                return new Loaded(Environment.load(settings, testClass.getClassLoader()), null);
            } catch (RuntimeException e) {
                return new Loaded(null, e);
            }
        }

        Environment environment(Settings settings) {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    /** One run of a reachability test: its display name is the target, its parameter that target's Reachability. */
    private static final class Invocation implements TestTemplateInvocationContext {

        private final Environment environment;
        private final String name;

        Invocation(Environment environment, String name) {
            this.environment = environment;
            this.name = name;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + name + "]";
        }

        @Override
        public List<org.junit.jupiter.api.extension.Extension> getAdditionalExtensions() {
            return List.of(new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
                    return parameter.getParameter().getType() == Reachability.class;
                }

                @Override
                public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
                    return environment.reachability(name);
                }
            });
        }
    }
}
