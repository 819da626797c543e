package dev.kordon.simulator.calico.eval;

import dev.kordon.dsl.Cidr;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.calico.model.Conjunct;
import dev.kordon.simulator.calico.model.Direction;
import dev.kordon.simulator.calico.model.EntityRule;
import dev.kordon.simulator.calico.model.HttpMatch;
import dev.kordon.simulator.calico.model.IcmpMatch;
import dev.kordon.simulator.calico.model.PortMatch;
import dev.kordon.simulator.calico.model.ProtocolMatch;
import dev.kordon.simulator.calico.model.Rule;
import dev.kordon.simulator.calico.eval.RuleMatch.Criterion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Matches one rule against a flow as Felix does at L3/L4 (and Dikastes for HTTP under Application Layer Policy):
 * every criterion the rule sets must hold; each is reported with why it held or not. The ICMP code of a flow is
 * taken as 0 (probes give only a type).
 */
final class RuleMatcher {

    RuleMatch match(Rule rule, FlowView view) {
        List<Criterion> criteria = new ArrayList<>();
        if (rule.ipVersion() != 0) {
            boolean holds = rule.ipVersion() == view.ipVersion();
            criteria.add(new Criterion(holds, holds ? "IPv" + rule.ipVersion() : "the flow is IPv" + view.ipVersion()
                    + ", the rule matches IPv" + rule.ipVersion() + " only"));
        }
        protocol(rule, view, criteria);
        icmp(rule.icmp(), false, view, criteria);
        icmp(rule.notIcmp(), true, view, criteria);
        side("source", rule.source(), view.source(), view, criteria);
        side("destination", rule.destination(), view.destination(), view, criteria);
        http(rule.http(), view, criteria);
        return new RuleMatch(rule, criteria);
    }

    private static void protocol(Rule rule, FlowView view, List<Criterion> criteria) {
        String actual = view.flow().transport().toString();
        ProtocolMatch wanted = rule.protocol();
        if (!wanted.isAny()) {
            boolean holds = wanted.number() == view.protocol();
            criteria.add(new Criterion(holds, holds ? "protocol " + wanted : "protocol " + actual + " is not "
                    + wanted));
        }
        ProtocolMatch excluded = rule.notProtocol();
        if (!excluded.isAny()) {
            boolean holds = excluded.number() != view.protocol();
            criteria.add(new Criterion(holds, holds ? "protocol " + actual + " is not " + excluded
                    : "protocol " + actual + " is excluded by notProtocol " + excluded));
        }
    }

    private static void icmp(IcmpMatch icmp, boolean negated, FlowView view, List<Criterion> criteria) {
        if (!icmp.present()) {
            return;
        }
        boolean isIcmp = view.protocol() == ProtocolMatch.ICMP || view.protocol() == ProtocolMatch.ICMPV6;
        boolean matches = isIcmp && icmp.matches(view.flow().icmpType(), 0);
        String actual = isIcmp ? "ICMP type " + view.flow().icmpType() : "the flow is " + view.l4() + ", not ICMP";
        boolean holds = negated != matches;
        String field = negated ? "notICMP " : "icmp ";
        criteria.add(new Criterion(holds, holds ? actual + (negated ? " is not " : " matches ") + field + icmp
                : actual + (negated ? " is excluded by " : " does not match ") + field + icmp));
    }

    private static void side(String name, EntityRule rule, Side side, FlowView view, List<Criterion> criteria) {
        if (!rule.nets().isEmpty()) {
            boolean in = inNets(rule.nets(), side);
            criteria.add(new Criterion(in, in ? name + " " + side.ip() + " in nets " + rule.nets()
                    : name + " " + side.description() + " " + notVisible(side, "is not in nets " + rule.nets())));
        }
        if (!rule.notNets().isEmpty()) {
            boolean in = inNets(rule.notNets(), side);
            criteria.add(new Criterion(!in, !in ? name + " " + side.ip() + " not in notNets " + rule.notNets()
                    : name + " " + side.ip() + " is in notNets " + rule.notNets()));
        }
        if (!rule.selector().isEmpty()) {
            criteria.add(selector(name, rule.selector(), side));
        }
        if (!rule.notSelector().isEmpty()) {
            Optional<Side.Entity> hit = firstMatching(rule.notSelector(), side);
            String what = rule.notSelector().get(0).what();
            criteria.add(new Criterion(hit.isEmpty(), hit.isEmpty() ? name + " " + side.description()
                    + " does not match " + what : name + " " + hit.get().description() + " matches " + what));
        }
        if (!rule.ports().isEmpty()) {
            boolean in = inPorts(rule.ports(), side, view);
            criteria.add(new Criterion(in, portText(name, view) + (in ? " in ports " : " not in ports ")
                    + rule.ports() + namedPorts(rule.ports(), side, view, in)));
        }
        if (!rule.notPorts().isEmpty()) {
            boolean in = inPorts(rule.notPorts(), side, view);
            criteria.add(new Criterion(!in, portText(name, view) + (in ? " in notPorts " : " not in notPorts ")
                    + rule.notPorts() + namedPorts(rule.notPorts(), side, view, !in)));
        }
    }

    private static String portText(String name, FlowView view) {
        return view.flow().transport().hasPorts() ? name + " port " + view.l4() : name + " " + view.l4();
    }

    private static String notVisible(Side side, String otherwise) {
        return side.cidrVisible() ? "(" + side.ip() + ") " + otherwise
                : "is a pod, and CIDRs do not select pod addresses in this profile (ipBlockSelectsPods: false)";
    }

    private static boolean inNets(List<Cidr> nets, Side side) {
        return side.cidrVisible() && nets.stream().anyMatch(net -> net.containsAddress(side.ip()));
    }

    private static Criterion selector(String name, List<Conjunct> selector, Side side) {
        List<String> whats = selector.stream().map(Conjunct::what).toList();
        Optional<Side.Entity> hit = firstMatching(selector, side);
        if (hit.isPresent()) {
            return new Criterion(true, name + " " + hit.get().description() + " matches " + String.join(" and ",
                    whats));
        }
        if (side.entities().isEmpty()) {
            return new Criterion(false, name + " " + side.description() + " is no Calico endpoint and in no network"
                    + " set, so " + String.join(" and ", whats) + " cannot match it");
        }
        Side.Entity first = side.entities().get(0);
        String why = selector.stream().map(conjunct -> conjunct.whyNot(first.labels())).flatMap(Optional::stream)
                .findFirst().orElse("");
        return new Criterion(false, name + " " + first.description() + ": " + why);
    }

    private static Optional<Side.Entity> firstMatching(List<Conjunct> selector, Side side) {
        return side.entities().stream().filter(entity -> selector.stream().allMatch(conjunct ->
                conjunct.matches(entity.labels()))).findFirst();
    }

    private static boolean inPorts(List<PortMatch> ports, Side side, FlowView view) {
        if (!view.flow().transport().hasPorts()) {
            return false;
        }
        int port = view.flow().port();
        return ports.stream().anyMatch(match -> match instanceof PortMatch.Range range ? range.contains(port)
                : resolve((PortMatch.Named) match, side, view).filter(number -> number == port).isPresent());
    }

    private static Optional<Integer> resolve(PortMatch.Named named, Side side, FlowView view) {
        return side.workloadPod().flatMap(pod -> pod.namedPort(named.name(), view.flow().transport().toString()))
                .map(dev.kordon.simulator.cluster.ContainerPort::port);
    }

    /** For rules with named ports: what each name resolves to at this end, e.g. {@code (http is TCP/8080 on x/a)}. */
    private static String namedPorts(List<PortMatch> ports, Side side, FlowView view, boolean matched) {
        if (!view.flow().transport().hasPorts()) {
            return " (the flow is " + view.l4() + ", without ports)";
        }
        if (matched) {
            return "";
        }
        List<String> notes = new ArrayList<>();
        for (PortMatch port : ports) {
            if (port instanceof PortMatch.Named named) {
                String protocol = view.flow().transport().toString();
                notes.add(side.workloadPod().isEmpty() ? side.description() + " is no workload endpoint, so "
                        + named + " resolves to nothing" : resolve(named, side, view).map(number -> named + " is "
                        + protocol + "/" + number + " on " + side.description()).orElse(side.description()
                        + " has no " + protocol + " port named " + named));
            }
        }
        return notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")";
    }

    private static void http(HttpMatch http, FlowView view, List<Criterion> criteria) {
        if (!http.present()) {
            return;
        }
        Optional<HttpRequest> request = view.flow().http();
        if (!view.alp() || view.direction() != Direction.INGRESS) {
            criteria.add(new Criterion(true, "its " + http + " is not enforced without Application Layer Policy,"
                    + " so the rule matches at L4"));
            return;
        }
        if (request.isEmpty()) {
            criteria.add(new Criterion(true, "the flow carries no HTTP request, which Dikastes lets pass " + http));
            return;
        }
        criteria.add(HttpMatcher.match(http, request.get(), view.prefixes()));
    }
}
