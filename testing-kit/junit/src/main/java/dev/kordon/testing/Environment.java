package dev.kordon.testing;

import dev.kordon.dsl.InvalidPolicySetException;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import dev.kordon.generators.FidelityReport;
import dev.kordon.generators.Generation;
import dev.kordon.generators.Generator;
import dev.kordon.generators.Target;
import dev.kordon.generators.Targets;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.analysis.Connectivity;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ClusterReader;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.cluster.SyntheticAddresses;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import dev.kordon.simulator.reference.ProbeGrid;
import dev.kordon.simulator.reference.ReferenceSemantics;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything one {@link KordonTest} configuration needs, loaded once: the policy sets (or manifests), the cluster,
 * and, built on first use, the {@link Reachability} of each target. Kept in the extension context's root store so that
 * every test class with the same configuration shares it for the whole run.
 */
final class Environment {

    private final Settings settings;
    private final List<PolicySet> sets;
    private final List<Manifest> manifests;
    private final Cluster cluster;
    private final List<String> invocations;
    /** The namespace of the stranger pod, {@value}. */
    static final String STRANGER_NAMESPACE = "kordon-stranger";
    /** The stranger pod, {@value}. */
    static final String STRANGER = STRANGER_NAMESPACE + "/stranger";
    /** The outside address no policy is expected to name (TEST-NET-1, documentation only). */
    static final String STRANGER_ADDRESS = "192.0.2.1";

    private final Map<String, Memo<Reachability>> reachabilities = new LinkedHashMap<>();
    private final Map<String, Memo<Reachability>> strangers = new LinkedHashMap<>();
    private final Generator generator = new Generator();

    private Environment(Settings settings, List<PolicySet> sets, List<Manifest> manifests, Cluster cluster,
            List<String> invocations) {
        this.settings = settings;
        this.sets = sets;
        this.manifests = manifests;
        this.cluster = cluster;
        this.invocations = invocations;
    }

    /**
     * Loads what the settings name.
     *
     * @throws KordonConfigurationException naming the element and the fix when the settings cannot be used
     */
    static Environment load(Settings settings, ClassLoader classLoader) {
        Sources sources = new Sources(classLoader, settings.element("cluster"));
        Problems problems = new Problems();
        if (!settings.policies().isEmpty()) {
            if (!settings.manifests().isEmpty()) {
                throw new KordonConfigurationException(settings.element("manifests") + ": give policies or manifests,"
                        + " not both", "test the DSL policy sets with policies = ..., or hand-written manifests with"
                        + " manifests = ... (in another test class)");
            }
            List<PolicySet> sets = policySets(settings);
            Cluster cluster;
            if (settings.cluster().isEmpty()) {
                cluster = ProbeGrid.clusterOf(sets);
            } else {
                ClusterReader.Split split = split(sources.read(List.of(settings.cluster()), problems), problems);
                for (Manifest policy : split.policies()) {
                    problems.add(policy, "", "is a policy, not a cluster resource", "give @KordonTest(cluster) only"
                            + " Namespaces, Pods, workloads and ServiceAccounts; the policies come from the policy"
                            + " sets");
                }
                cluster = split.cluster();
            }
            rethrow(problems, settings.element("cluster"));
            List<String> targets = targets(settings, sets);
            ProfileChoices.check(settings, profilesOf(targets, EnforcementProfile::forTarget));
            return new Environment(settings, sets, List.of(), cluster, targets);
        }
        if (settings.manifests().isEmpty()) {
            throw new KordonConfigurationException(settings.element("policies") + ": nothing to test", "name the"
                    + " policy set providers (policies = MyPolicies.class) or the manifests (manifests = \"k8s/\")");
        }
        List<Manifest> all = new ArrayList<>(new Sources(classLoader, settings.element("manifests"))
                .read(settings.manifests(), problems));
        if (!settings.cluster().isEmpty()) {
            all.addAll(sources.read(List.of(settings.cluster()), problems));
        }
        ClusterReader.Split split = split(all, problems);
        rethrow(problems, settings.element("manifests"));
        if (split.cluster().pods().isEmpty()) {
            throw new KordonConfigurationException(settings.element("cluster") + ": the cluster has no pods",
                    "name the Pods or workloads (Deployments, StatefulSets, …) in cluster = \"...\"");
        }
        List<String> profiles = profiles(settings);
        ProfileChoices.check(settings, profilesOf(profiles, name -> EnforcementProfile.named(name).orElseThrow()));
        return new Environment(settings, List.of(), split.policies(), split.cluster(), profiles);
    }

    /** The enforcement profile of each invocation but the intent, by name, in order. */
    private static Map<String, EnforcementProfile> profilesOf(List<String> invocations,
            Function<String, EnforcementProfile> profile) {
        Map<String, EnforcementProfile> profiles = new LinkedHashMap<>();
        invocations.stream().filter(name -> !name.equals(Reachability.INTENT))
                .forEach(name -> profiles.put(name, profile.apply(name)));
        return profiles;
    }

    private static ClusterReader.Split split(List<Manifest> manifests, Problems problems) {
        return new ClusterReader().read(manifests, problems);
    }

    private static void rethrow(Problems problems, String element) {
        try {
            problems.throwIfAny();
        } catch (InputException e) {
            throw new KordonConfigurationException(element + ": the files have problems:\n" + e.getMessage(),
                    "correct each problem listed");
        }
    }

    private static List<PolicySet> policySets(Settings settings) {
        List<PolicySet> sets = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Class<? extends PolicySetProvider> type : settings.policies()) {
            try {
                sets.addAll(instantiate(type, settings).policySets());
            } catch (KordonConfigurationException | InvalidPolicySetException e) {
                throw e;
            } catch (RuntimeException e) {
                errors.add(type.getName() + ".policySets() failed: " + e);
            }
        }
        if (!errors.isEmpty()) {
            throw new KordonConfigurationException(settings.element("policies") + ": " + String.join("; ", errors),
                    "make policySets() return its policy sets without throwing");
        }
        for (PolicySet set : sets) {
            set.validate().throwIfInvalid();
        }
        sets.sort(Comparator.comparing(PolicySet::name));
        return List.copyOf(sets);
    }

    private static PolicySetProvider instantiate(Class<? extends PolicySetProvider> type, Settings settings) {
        Constructor<? extends PolicySetProvider> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new KordonConfigurationException(settings.element("policies") + ": " + type.getName()
                    + " has no public no-argument constructor", "add 'public " + type.getSimpleName() + "() {}' to "
                    + type.getName() + (Modifier.isPublic(type.getModifiers()) ? "" : " and make the class public"));
        }
        try {
            return constructor.newInstance();
        } catch (IllegalAccessException e) {
            throw new KordonConfigurationException(settings.element("policies") + ": cannot call the constructor of "
                    + type.getName() + ": " + e.getMessage(), "make " + type.getName() + " a public class");
        } catch (InstantiationException e) {
            throw new KordonConfigurationException(settings.element("policies") + ": " + type.getName()
                    + " is abstract", "name a concrete provider class");
        } catch (InvocationTargetException e) {
            throw new KordonConfigurationException(settings.element("policies") + ": the constructor of "
                    + type.getName() + " failed: " + e.getCause(), "make the constructor succeed");
        }
    }

    /** The targets to run on: those named (each checked), or every target that can enforce the sets; then intent. */
    private static List<String> targets(Settings settings, List<PolicySet> sets) {
        List<String> names = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        if (settings.targets().isEmpty()) {
            Generator generator = new Generator();
            for (String id : Targets.ids()) {
                if (generator.assess(sets, Targets.parse(id)).isAcceptable()) {
                    names.add(id);
                }
            }
        } else {
            for (String id : settings.targets()) {
                if (!Targets.ids().contains(id)) {
                    unknown.add("'" + id + "'");
                } else if (!names.contains(id)) {
                    names.add(id);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new KordonConfigurationException(settings.element("targets") + ": unknown target"
                    + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown), "use targets among "
                    + String.join(", ", Targets.ids()));
        }
        if (settings.intent()) {
            names.add(Reachability.INTENT);
        }
        if (names.isEmpty()) {
            throw new KordonConfigurationException(settings.element("targets") + ": no target can enforce the policy"
                    + " sets, and intent = false", "name the targets to test, or accept the downgrades they report");
        }
        return List.copyOf(names);
    }

    private static List<String> profiles(Settings settings) {
        if (!settings.targets().isEmpty()) {
            throw new KordonConfigurationException(settings.element("targets") + ": targets are for policy sets;"
                    + " manifests are simulated under profiles", "write profiles = {\"calico\"} (or generic, cilium,"
                    + " each optionally +istio) instead of targets");
        }
        List<String> names = settings.profiles().isEmpty() ? List.of("generic") : settings.profiles();
        List<String> unknown = names.stream().filter(name -> EnforcementProfile.named(name).isEmpty())
                .map(name -> "'" + name + "'").toList();
        if (!unknown.isEmpty()) {
            throw new KordonConfigurationException(settings.element("profiles") + ": unknown profile"
                    + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown), "use generic, calico or"
                    + " cilium, each optionally followed by +istio");
        }
        return names.stream().distinct().toList();
    }

    /** The policy sets under test; empty for manifests. */
    List<PolicySet> policySets() {
        return sets;
    }

    Cluster cluster() {
        return cluster;
    }

    Settings settings() {
        return settings;
    }

    /** The invocations, in order: the targets (or profiles), then {@value Reachability#INTENT} if enabled. */
    List<String> invocations() {
        return invocations;
    }

    /**
     * The reachability of one invocation, built on first use; for policy sets any target can be asked for, even one
     * the class does not run on (for faithfulness checks).
     */
    Reachability reachability(String name) {
        Memo<Reachability> memo;
        synchronized (reachabilities) {
            memo = reachabilities.get(name);
            if (memo == null) {
                boolean known = invocations.contains(name) || !sets.isEmpty()
                        && (Targets.ids().contains(name) || name.equals(Reachability.INTENT));
                if (!known) {
                    throw new KordonConfigurationException("'" + name + "' is not a target of "
                            + settings.element("targets"), "use one of " + String.join(", ", invocations));
                }
                memo = Memo.of(() -> build(name));
                reachabilities.put(name, memo);
            }
        }
        return memo.get();
    }

    /**
     * The reachability of one invocation in this cluster plus a stranger: a pod {@value #STRANGER} in a namespace of
     * its own, labelled only {@code kordon.dev/stranger=true}, that no policy can name on purpose.
     */
    Reachability withStranger(String name) {
        reachability(name);
        Memo<Reachability> memo;
        synchronized (strangers) {
            memo = strangers.computeIfAbsent(name, key -> Memo.of(() -> build(key, withStranger(cluster))));
        }
        return memo.get();
    }

    private static Cluster withStranger(Cluster cluster) {
        List<Namespace> namespaces = new ArrayList<>(cluster.namespaces());
        namespaces.add(new Namespace(STRANGER_NAMESPACE, new TreeMap<>(Map.of("kubernetes.io/metadata.name",
                STRANGER_NAMESPACE))));
        List<Pod> pods = new ArrayList<>(cluster.pods());
        pods.add(new Pod(STRANGER_NAMESPACE, "stranger", new TreeMap<>(Map.of("kordon.dev/stranger", "true")), "",
                List.of(), "default", false, cluster.nodes().isEmpty() ? "" : cluster.nodes().get(0).name(), "",
                Map.of()));
        return new Cluster(namespaces, cluster.nodes(), SyntheticAddresses.assign(pods), cluster.serviceAccounts(),
                cluster.services());
    }

    /** The reachability's name as failure messages give it, with the test's profile options that apply to it. */
    String describe(Reachability reachability) {
        return reachability.target().equals(Reachability.INTENT) ? reachability.target()
                : ProfileChoices.describe(settings, reachability.target(), reachability.simulator().profile());
    }

    private Reachability build(String name) {
        return build(name, cluster);
    }

    private Reachability build(String name, Cluster cluster) {
        if (sets.isEmpty()) {
            EnforcementProfile profile = ProfileChoices.apply(settings, EnforcementProfile.named(name).orElseThrow());
            Simulator simulator = simulate(cluster, profile, manifests, settings.element("manifests"));
            return new Reachability(name, simulator, null, Memo.of(() -> Connectivity.analyse(simulator, manifests)),
                    this);
        }
        if (name.equals(Reachability.INTENT)) {
            ReferenceSemantics reference = ReferenceSemantics.of(cluster, sets);
            Simulator simulator = Simulator.of(cluster, EnforcementProfile.generic(), reference.asEngine(),
                    Optional.empty());
            int intents = sets.stream().mapToInt(set -> set.intents().size()).sum();
            return new Reachability(name, simulator, new FidelityReport(name, intents, List.of()),
                    Memo.of(() -> IntentBoundaries.connectivity(simulator, sets)), this);
        }
        Target target = Targets.parse(name);
        FidelityReport report = generator.assess(sets, target);
        if (!report.isAcceptable()) {
            throw new KordonConfigurationException(settings.element("targets") + ": target " + name + " cannot"
                    + " enforce the policy sets as written:\n" + report.text(), "remove " + name + " from the targets,"
                    + " or accept the downgrade the report names in the intent (.accepting(...))");
        }
        Generation generation = generator.generate(sets, target);
        Problems problems = new Problems();
        List<Manifest> generated = new ManifestReader().read(name + "/manifests.yaml", generation.stream(), problems);
        problems.throwIfAny();
        Simulator simulator = simulate(cluster, ProfileChoices.apply(settings, EnforcementProfile.forTarget(name)),
                generated, settings.element("targets"));
        return new Reachability(name, simulator, report, Memo.of(() -> Connectivity.analyse(simulator, generated)),
                this);
    }

    private static Simulator simulate(Cluster cluster, EnforcementProfile profile, List<Manifest> policies,
            String element) {
        try {
            return Simulator.build(cluster, policies, profile);
        } catch (InputException e) {
            throw new KordonConfigurationException(element + ": the manifests cannot be simulated with " + profile
                    + ":\n" + e.getMessage(), "correct each problem listed, or choose the profile that enforces them");
        }
    }
}
