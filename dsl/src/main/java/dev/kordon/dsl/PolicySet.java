package dev.kordon.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A named, owned set of intents: the unit that Kordon validates, generates manifests for and simulates.
 *
 * <p>A policy set is a value. Two sets that declare the same intents in a different order are equal, have the same
 * hash code and the same {@link #toString() summary}. Intents without an explicit name get one derived from what
 * they say ({@code allow-frontend-to-backend}); derived names that would collide get a short hash of their meaning,
 * so names never depend on declaration order.
 *
 * <pre>{@code
 * PolicySet shop = policySet("shop")
 *         .owner("team-shop")
 *         .description("Storefront traffic")
 *         .intents(
 *                 isolate(namespace("shop")).ingressAndEgress(),
 *                 allow(FRONTEND).to(BACKEND).on(tcp(8080)))
 *         .build();
 * }</pre>
 */
public final class PolicySet {

    private final String name;
    private final String owner;
    private final String description;
    private final boolean dryRun;
    private final List<Workload> workloads;
    private final List<Intent> intents;

    private PolicySet(Builder builder) {
        this.name = builder.name;
        this.owner = builder.owner;
        this.description = builder.description;
        this.dryRun = builder.dryRun;
        this.intents = nameAll(builder.intents);
        Set<Workload> all = new LinkedHashSet<>(builder.workloads);
        for (Intent intent : intents) {
            all.addAll(workloadsIn(intent));
        }
        this.workloads = Canonical.sortedSet(all, "workloads");
    }

    static Builder builder(String name) {
        return new Builder(name);
    }

    /** The DNS-1123 name of this set; generated resources carry it. */
    public String name() {
        return name;
    }

    /** Who owns these intents (a team, an e-mail address); empty when not given. */
    public String owner() {
        return owner;
    }

    /** What these intents are for; empty when not given. */
    public String description() {
        return description;
    }

    /** Whether every intent of the set is only observed (dry run, audit mode) rather than enforced. */
    public boolean dryRun() {
        return dryRun;
    }

    /** Every intent, with its final name, sorted by name. */
    public List<Intent> intents() {
        return intents;
    }

    /** The connections among {@link #intents()}. */
    public List<Connection> connections() {
        List<Connection> connections = new ArrayList<>();
        for (Intent intent : intents) {
            if (intent instanceof Connection) {
                connections.add((Connection) intent);
            }
        }
        return List.copyOf(connections);
    }

    /** The isolations among {@link #intents()}. */
    public List<Isolation> isolations() {
        List<Isolation> isolations = new ArrayList<>();
        for (Intent intent : intents) {
            if (intent instanceof Isolation) {
                isolations.add((Isolation) intent);
            }
        }
        return List.copyOf(isolations);
    }

    /** The intent with this name, if any. */
    public Optional<Intent> intent(String intentName) {
        return intents.stream().filter(intent -> intent.name().equals(intentName)).findFirst();
    }

    /** Every workload declared with {@link Builder#workloads} or named by an intent, in canonical order. */
    public List<Workload> workloads() {
        return workloads;
    }

    /** Checks the whole set and returns every problem found; never throws for a problem in the set. */
    public ValidationResult validate() {
        return Validator.validate(this);
    }

    // ---- naming ------------------------------------------------------------------------------------------------

    private static List<Intent> nameAll(List<Intent> declaredWithRepeats) {
        Set<Intent> declared = new LinkedHashSet<>(declaredWithRepeats);
        Map<String, Integer> baseCounts = new HashMap<>();
        for (Intent intent : declared) {
            baseCounts.merge(baseName(intent), 1, Integer::sum);
        }
        Set<Intent> named = new LinkedHashSet<>();
        for (Intent intent : declared) {
            if (!intent.name().isEmpty() || isGuardrail(intent)) {
                // Guardrails are named by the platform team that writes them; validation reports a missing name.
                named.add(intent);
                continue;
            }
            String base = Names.dns1123Label(intent.baseName());
            named.add(baseCounts.get(base) == 1 ? intent.named(base) : intent.named(Names.withSuffix(base, intent.meaning())));
        }
        List<Intent> sorted = new ArrayList<>(named);
        sorted.sort(Comparator.comparing(Intent::name).thenComparing(Intent::meaning));
        return List.copyOf(sorted);
    }

    private static boolean isGuardrail(Intent intent) {
        return intent instanceof Connection && ((Connection) intent).isGuardrail();
    }

    /** The name an intent would have if no other intent claimed it: explicit, or derived from what it says. */
    private static String baseName(Intent intent) {
        return intent.name().isEmpty() && !isGuardrail(intent) ? Names.dns1123Label(intent.baseName()) : intent.name();
    }

    private static List<Workload> workloadsIn(Intent intent) {
        List<Peer> peers = new ArrayList<>();
        if (intent instanceof Connection) {
            peers.addAll(((Connection) intent).sources());
            peers.addAll(((Connection) intent).destinations());
        } else {
            peers.addAll(((Isolation) intent).subjects());
        }
        List<Workload> found = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer instanceof Workload) {
                found.add((Workload) peer);
            }
        }
        return found;
    }

    // ---- value semantics ---------------------------------------------------------------------------------------

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof PolicySet)) {
            return false;
        }
        PolicySet that = (PolicySet) other;
        return name.equals(that.name) && owner.equals(that.owner) && description.equals(that.description)
                && dryRun == that.dryRun && workloads.equals(that.workloads) && intents.equals(that.intents);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, owner, description, dryRun, workloads, intents);
    }

    /** A readable multi-line summary: the set's metadata, its workloads and one line per intent. */
    @Override
    public String toString() {
        return Summary.of(this);
    }

    /** Collects the parts of a policy set; {@link #build()} validates them. */
    public static final class Builder {
        private final String name;
        private String owner = "";
        private String description = "";
        private boolean dryRun;
        private final List<Workload> workloads = new ArrayList<>();
        private final List<Intent> intents = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Who owns these intents: a team name or an address to reach them. */
        public Builder owner(String newOwner) {
            this.owner = Objects.requireNonNull(newOwner, "owner");
            return this;
        }

        /** What these intents are for. */
        public Builder description(String newDescription) {
            this.description = Objects.requireNonNull(newDescription, "description");
            return this;
        }

        /** Observe every intent of the set instead of enforcing it (audit mode, staged policies, dry-run annotations). */
        public Builder dryRun(boolean newDryRun) {
            this.dryRun = newDryRun;
            return this;
        }

        /** Declares workloads, including ones no intent names yet, so that tools know them. */
        public Builder workloads(Workload first, Workload... more) {
            workloads.addAll(Steps.list(first, more));
            return this;
        }

        /** Adds intents. */
        public Builder intents(Intent first, Intent... more) {
            intents.addAll(Steps.list(first, more));
            return this;
        }

        /** Adds intents from a collection (for intents built in loops). An empty collection adds nothing. */
        public Builder intents(List<? extends Intent> more) {
            for (Intent intent : more) {
                intents.add(Objects.requireNonNull(intent, "intent"));
            }
            return this;
        }

        /**
         * The policy set, validated.
         *
         * @throws InvalidPolicySetException listing every problem, each with its path, message and fix
         */
        public PolicySet build() {
            PolicySet set = new PolicySet(this);
            set.validate().throwIfInvalid();
            return set;
        }

        /** The policy set without validation, for tools that report problems themselves via {@link PolicySet#validate()}. */
        public PolicySet buildUnvalidated() {
            return new PolicySet(this);
        }
    }
}
