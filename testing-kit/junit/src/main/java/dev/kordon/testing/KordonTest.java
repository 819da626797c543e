package dev.kordon.testing;

import dev.kordon.dsl.spi.PolicySetProvider;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a test class a reachability test: its {@link ReachabilityTest} methods run once per target, each receiving the
 * {@link Reachability} of that target's generated manifests (simulated with the target's enforcement) or of the intent
 * itself.
 *
 * <p>With policy sets written in the DSL:
 * <pre>{@code
 * @KordonTest(policies = ShopPolicies.class, cluster = "k8s/", targets = {"cilium", "calico", "kubernetes+istio"})
 * class ShopNetworkTest {
 *     @ReachabilityTest
 *     void frontend_reads_the_api(Reachability net) {
 *         assertThat(net).allows(from(FRONTEND).to(BACKEND).get("/api/users").port(8080));
 *     }
 * }
 * }</pre>
 *
 * <p>With manifests only, no DSL: {@code @KordonTest(manifests = "policies/", cluster = "k8s/", profiles = {"calico",
 * "cilium"})} runs each test once per enforcement profile.
 *
 * <p>The choices an enforcement leaves to implementations are attributes named as in reachability test files and
 * {@code kordon} options, applied to every target or profile they concern: {@code @KordonTest(policies =
 * ShopPolicies.class, targets = "calico", calicoApplicationLayerPolicy = "true", calicoHttpPrefixes = "raw")} tests
 * the Calico manifests on a cluster before v3.31.7 with HTTP rules enforced.
 *
 * <p>Paths are files or directories (read recursively: YAML and JSON, multi-document), relative to the working
 * directory (a Maven module's base directory under Surefire), or {@code classpath:} resources.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(KordonExtension.class)
public @interface KordonTest {

    /**
     * The policy set providers whose sets are tested; each needs a public no-argument constructor. Leave empty to test
     * {@link #manifests()} instead.
     */
    Class<? extends PolicySetProvider>[] policies() default {};

    /**
     * The policy manifests to test when no {@link #policies()} are given (any family the simulator reads).
     */
    String[] manifests() default {};

    /**
     * The cluster: Namespaces, Pods, workloads (Deployments, StatefulSets, …), ServiceAccounts. Empty with
     * {@link #policies()}: one pod per workload the policy sets declare, on one node (see
     * {@code ProbeGrid.clusterOf}). Required with {@link #manifests()}.
     */
    String cluster() default "";

    /**
     * The generator targets to test the policy sets on, e.g. {@code "cilium"}, {@code "kubernetes+istio"}. Empty:
     * every target that can enforce the sets (exactly, or with the downgrades their intents accept).
     */
    String[] targets() default {};

    /** Whether tests also run on the intent's reference semantics (with {@link #policies()} only). */
    boolean intent() default true;

    /**
     * The enforcement profiles the {@link #manifests()} are simulated with: {@code generic}, {@code calico} or
     * {@code cilium}, each optionally followed by {@code +istio}. Empty: {@code generic}.
     */
    String[] profiles() default {};

    /**
     * Whether ipBlock/CIDR peers match pod addresses: {@code "true"} or {@code "false"}, on every target and profile
     * (not on the intent). Empty: each one's default, true on generic and calico, false on cilium.
     */
    String ipBlockSelectsPods() default "";

    /**
     * Whether Calico enforces HTTP rules (Application Layer Policy): {@code "true"} or {@code "false"}, on the calico
     * targets and profiles; at least one must be among them. Empty: {@code "false"}.
     */
    String calicoApplicationLayerPolicy() default "";

    /**
     * How Calico matches an HTTP {@code prefix} path, on the calico targets and profiles (at least one must be among
     * them): {@code "segments"} (Calico v3.31.7 and later: on path-segment boundaries, after normalising) or
     * {@code "raw"} (earlier versions: a plain string prefix). Empty: {@code "segments"}.
     */
    String calicoHttpPrefixes() default "";

    /**
     * Cilium's enforcement mode ({@code enable-policy}), on the cilium targets and profiles (at least one must be
     * among them): {@code "default"}, {@code "always"} or {@code "never"}. Empty: {@code "default"}.
     */
    String ciliumPolicyEnforcement() default "";
}
