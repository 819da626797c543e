package dev.kordon.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;

/**
 * A test method of a {@link KordonTest} class that runs once per target (a JUnit test template), each invocation
 * named after its target ({@code [cilium]}, {@code [intent]}) and receiving that target's {@link Reachability}.
 *
 * <pre>{@code
 * @ReachabilityTest                        // every target of the class, and the intent
 * void frontend_reads_the_api(Reachability net) { ... }
 *
 * @ReachabilityTest(targets = "cilium")   // pinned to one target
 * void cilium_only(Reachability net) { ... }
 * }</pre>
 *
 * <p>A plain {@code @Test} runs once, so it cannot receive a {@code Reachability}: JUnit needs a template to run a
 * method more than once.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
public @interface ReachabilityTest {

    /**
     * The targets (or, for manifest tests, profiles) this method runs on, among those of its class; {@code "intent"}
     * names the intent's reference semantics. Empty: all of the class's.
     */
    String[] targets() default {};
}
