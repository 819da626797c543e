package dev.kordon.simulator.cilium;

import dev.kordon.simulator.Decision.Outcome;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides a flow that allow rules admit at L3/L4 [CIL-DOC-L7]: a matching rule without L7 rules allows every request
 * (L7 wildcard); otherwise the proxy allows a request only if any HTTP rule (Envoy; a denial is an HTTP 403, the
 * connection stays up) or DNS rule (the DNS proxy; a denial is REFUSED) of the matching rules matches it.
 */
final class L7Evaluator {

    /** An allow entry that matched at L3 and L4. */
    record Matched(PolicyEntry entry, EntryMatcher.Match match) {
        Optional<L7Rules> l7() {
            return match.portRule().flatMap(PortRule::l7);
        }

        String because() {
            return entry.path() + " of " + entry.resource() + " matches: " + match.l3().text() + "; "
                    + match.l4().text();
        }
    }

    private final String layer;

    L7Evaluator(String layer) {
        this.layer = layer;
    }

    Result decide(List<Matched> matched, FlowContext context, List<Step> before) {
        boolean proxied = matched.stream().anyMatch(m -> m.l7().filter(L7Rules.Dns.class::isInstance).isPresent());
        Optional<Matched> wildcard = matched.stream().filter(m -> m.l7().isEmpty()).findFirst();
        if (wildcard.isPresent()) {
            boolean others = matched.stream().anyMatch(m -> m.l7().isPresent());
            return Result.of(Outcome.ALLOW, before, step(wildcard.get(), "allow", wildcard.get().because()
                    + (others ? "; it has no L7 rules, so every request on this port is allowed (L7 wildcard)"
                            : "")), proxied);
        }
        Optional<HttpRequest> request = context.flow().http();
        List<Matched> http = matched.stream().filter(m -> m.l7().orElseThrow() instanceof L7Rules.Http).toList();
        List<Matched> dns = matched.stream().filter(m -> m.l7().orElseThrow() instanceof L7Rules.Dns).toList();
        if (request.isPresent() || dns.isEmpty()) {
            return http(http, request, context, before);
        }
        return dns(dns, context, before);
    }

    private Result http(List<Matched> matched, Optional<HttpRequest> request, FlowContext context,
            List<Step> before) {
        if (matched.isEmpty()) {
            return Result.of(Outcome.DENY, before, new Step(layer, context.direction().toString(), "", "", -1,
                    "deny", "L4 allowed, L7 denied: " + context.l4() + " goes to Cilium's DNS proxy (rules.dns),"
                            + " which answers no HTTP request"), false);
        }
        Matched first = matched.get(0);
        List<Candidate> candidates = new ArrayList<>();
        for (Matched m : matched) {
            for (HttpRule rule : ((L7Rules.Http) m.l7().orElseThrow()).rules()) {
                candidates.add(new Candidate(m, rule));
            }
        }
        if (request.isEmpty()) {
            return Result.of(Outcome.DENY, before, step(first, "deny", "L4 allowed, L7 denied: " + first.because()
                    + ", but the port carries HTTP rules (" + rules(candidates) + "); the flow carries no HTTP"
                    + " request, and the proxy passes only HTTP requests that match"), false);
        }
        for (Candidate candidate : candidates) {
            if (candidate.rule().mismatches(request.get()).isEmpty()) {
                return Result.of(Outcome.ALLOW, before, step(candidate.matched(), "allow", "L4 allowed: "
                        + candidate.matched().because() + "; L7 allowed: "
                        + Paths.relative(candidate.rule().field()) + " (" + candidate.rule() + ") matches "
                        + request.get()), false);
            }
        }
        Candidate nearest = candidates.stream().min(Comparator.comparingInt(
                (Candidate c) -> c.rule().mismatches(request.get()).size())).orElseThrow();
        return Result.of(Outcome.DENY, before, step(nearest.matched(), "deny (HTTP 403)", "L4 allowed, L7 denied"
                + " (403): " + nearest.matched().because() + ", but no HTTP rule matches " + request.get()
                + "; nearest: " + Paths.relative(nearest.rule().field()) + " (" + nearest.rule() + "): "
                + String.join("; ", nearest.rule().mismatches(request.get()))), false);
    }

    private record Candidate(Matched matched, HttpRule rule) {
    }

    private static String rules(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.rule().toString()).collect(Collectors.joining(" | "));
    }

    private Result dns(List<Matched> matched, FlowContext context, List<Step> before) {
        List<FqdnMatcher> names = new ArrayList<>();
        matched.forEach(m -> names.addAll(((L7Rules.Dns) m.l7().orElseThrow()).rules()));
        Matched first = matched.get(0);
        String list = names.stream().map(FqdnMatcher::toString).collect(Collectors.joining(", "));
        if (context.dnsQuery().isEmpty()) {
            Optional<FqdnMatcher> all = names.stream().filter(FqdnMatcher::matchesEverything).findFirst();
            return all.isPresent()
                    ? Result.of(Outcome.ALLOW, before, step(first, "allow", "L4 allowed: " + first.because()
                            + "; the DNS proxy answers every name (" + Paths.relative(all.get().field()) + " "
                            + all.get() + ")"), true)
                    : Result.of(Outcome.DENY, before, step(first, "deny", "L4 allowed, L7 denied: "
                            + first.because() + ", but the DNS proxy answers only names matching " + list
                            + ", and the flow names no query (probe fqdn:NAME to check a name)"), false);
        }
        String name = context.dnsQuery().get();
        Optional<FqdnMatcher> hit = names.stream().filter(n -> n.matches(name)).findFirst();
        return hit.isPresent()
                ? Result.of(Outcome.ALLOW, before, step(first, "allow", "L4 allowed: " + first.because()
                        + "; the DNS proxy answers " + name + " (" + Paths.relative(hit.get().field()) + " "
                        + hit.get() + ")"), true)
                : Result.of(Outcome.DENY, before, step(first, "deny (DNS REFUSED)", "L4 allowed, L7 denied: "
                        + first.because() + ", but the DNS proxy refuses " + name + ": no DNS rule matches it ("
                        + list + ")"), false);
    }

    private Step step(Matched matched, String outcome, String reason) {
        return new Step(layer, matched.entry().direction().toString(), "", matched.entry().resource(),
                matched.entry().index(), outcome, reason);
    }
}
