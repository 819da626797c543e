package dev.kordon.simulator.analysis;

import dev.kordon.simulator.engine.Allowances;
import dev.kordon.simulator.engine.MatrixProbes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What the tier rules of one direction decide for a pair, by the rules that name the pair. The rules naming a pair
 * are numbered as a path in a trie (a combination of rules, ascending); the outcome of a combination is computed
 * once, by ordered set algebra over its rules' connections, and every pair named by the same rules shares it. Not
 * thread-safe: one per thread.
 */
final class TierOutcomes {

    /** The combination of no rule. */
    static final int NONE = 0;

    private final List<Allowances.TierRule> rules;
    private final long[] everything;
    private final int words;
    private long[] keys = new long[1024];
    private int[] children = new int[1024];
    private int[] parents = new int[64];
    private int[] lasts = new int[64];
    private final List<Outcome> outcomes = new ArrayList<>();
    private int nodes = 1;

    TierOutcomes(MatrixProbes probes, List<Allowances.TierRule> rules) {
        this.rules = rules;
        this.everything = probes.everything();
        this.words = probes.words();
        Arrays.fill(keys, -1);
        outcomes.add(null);
    }

    /**
     * What a stage of the tiers leaves to what comes next, for the pair a combination names.
     *
     * @param decided what the stage before the grants allows
     * @param onward  what the stage before the grants passes on or leaves unmatched: the grants of an enforced
     *                subject decide it, else the stage after them
     * @param after   what the stage after the grants does not deny (it allows, passes on, or leaves unmatched)
     */
    record Outcome(long[] decided, long[] onward, long[] after) {
    }

    /** The combination of {@code node}'s rules and the rule numbered {@code rule}, above all of them. */
    int with(int node, int rule) {
        long key = ((long) node << 32) | rule;
        int mask = keys.length - 1;
        int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        while (keys[slot] != -1) {
            if (keys[slot] == key) {
                return children[slot];
            }
            slot = (slot + 1) & mask;
        }
        int child = nodes++;
        keys[slot] = key;
        children[slot] = child;
        if (child == parents.length) {
            parents = Arrays.copyOf(parents, child * 2);
            lasts = Arrays.copyOf(lasts, child * 2);
        }
        parents[child] = node;
        lasts[child] = rule;
        outcomes.add(null);
        if (nodes * 2 > keys.length) {
            grow();
        }
        return child;
    }

    /** The outcome of a combination other than {@link #NONE}. */
    Outcome outcome(int node) {
        Outcome outcome = outcomes.get(node);
        if (outcome == null) {
            outcome = evaluate(node);
            outcomes.set(node, outcome);
        }
        return outcome;
    }

    private Outcome evaluate(int node) {
        List<Allowances.TierRule> named = new ArrayList<>();
        for (int at = node; at != NONE; at = parents[at]) {
            named.add(rules.get(lasts[at]));
        }
        Collections.reverse(named);
        List<Allowances.TierRule> before = named.stream().filter(r -> r.stage() == Allowances.Stage.BEFORE).toList();
        List<Allowances.TierRule> after = named.stream().filter(r -> r.stage() == Allowances.Stage.AFTER).toList();
        long[][] first = stage(before);
        long[][] second = stage(after);
        return new Outcome(first[0], first[1], or(second[0], second[1]));
    }

    /**
     * One stage: per group in order, per policy the first rule matching a connection gives the policy's action for
     * it; the policies of a group that decide a connection agree (their action) or not (denied); what a group decides
     * is taken from what the stage has left. Returns what the stage allows and what it passes on or leaves.
     */
    private long[][] stage(List<Allowances.TierRule> named) {
        long[] remaining = everything.clone();
        long[] allowed = new long[words];
        long[] passed = new long[words];
        int at = 0;
        while (at < named.size()) {
            long[][] group = new long[3][words];
            int end = at;
            while (end < named.size() && named.get(end).sameGroup(named.get(at))) {
                end = policy(named, end, group);
            }
            long[] accept = group[Allowances.Action.ALLOW.ordinal()];
            long[] deny = group[Allowances.Action.DENY.ordinal()];
            long[] pass = group[Allowances.Action.PASS.ordinal()];
            for (int w = 0; w < words; w++) {
                long ambiguous = (accept[w] & deny[w]) | (accept[w] & pass[w]) | (deny[w] & pass[w]);
                allowed[w] |= remaining[w] & accept[w] & ~ambiguous;
                passed[w] |= remaining[w] & pass[w] & ~ambiguous;
                remaining[w] &= ~(accept[w] | deny[w] | pass[w]);
            }
            at = end;
        }
        return new long[][] {allowed, or(passed, remaining)};
    }

    /** Adds what the policy of the rule at {@code at} decides, per action, to {@code group}; returns its end. */
    private int policy(List<Allowances.TierRule> named, int at, long[][] group) {
        long[] left = everything.clone();
        int end = at;
        while (end < named.size() && named.get(end).samePolicy(named.get(at))) {
            Allowances.TierRule rule = named.get(end);
            long[] matched = new long[words];
            while (end < named.size() && named.get(end).sameRule(rule)) {
                matched = or(matched, named.get(end).ports());
                end++;
            }
            long[] action = group[rule.action().ordinal()];
            for (int w = 0; w < words; w++) {
                long hit = left[w] & matched[w];
                action[w] |= hit;
                left[w] &= ~hit;
            }
        }
        return end;
    }

    private long[] or(long[] a, long[] b) {
        long[] result = new long[words];
        for (int w = 0; w < words; w++) {
            result[w] = a[w] | b[w];
        }
        return result;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldChildren = children;
        keys = new long[oldKeys.length * 2];
        children = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1) {
                int slot = Long.hashCode(oldKeys[i] * 0x9E3779B97F4A7C15L) & mask;
                while (keys[slot] != -1) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                children[slot] = oldChildren[i];
            }
        }
    }
}
