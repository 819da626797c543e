package dev.kordon.dsl;

import java.util.List;

/** The readable summary of a policy set: metadata, workloads, then one aligned line per intent. */
final class Summary {

    private Summary() {
    }

    static String of(PolicySet set) {
        StringBuilder text = new StringBuilder("policy set ").append(set.name());
        text.append(" (owner: ").append(set.owner().isEmpty() ? "-" : set.owner())
                .append(", ").append(count(set.intents().size(), "intent"))
                .append(set.dryRun() ? ", dry run" : "").append(")\n");
        if (!set.description().isEmpty()) {
            text.append("  ").append(set.description()).append('\n');
        }
        if (!set.workloads().isEmpty()) {
            text.append("  workloads:\n");
            for (Workload workload : set.workloads()) {
                text.append("    ").append(workload).append('\n');
            }
        }
        if (!set.intents().isEmpty()) {
            int width = set.intents().stream().mapToInt(intent -> intent.name().length()).max().orElse(0);
            text.append("  intents:\n");
            for (Intent intent : set.intents()) {
                text.append("    ").append(pad(intent.name(), width)).append("  ").append(line(intent)).append('\n');
            }
        }
        return text.toString();
    }

    private static String line(Intent intent) {
        if (intent instanceof Isolation) {
            Isolation isolation = (Isolation) intent;
            return "isolate " + peers(isolation.subjects()) + " (" + Canonical.join(isolation.directions(), "+") + ")";
        }
        Connection c = (Connection) intent;
        StringBuilder text = new StringBuilder();
        if (c.isGuardrail()) {
            text.append(c.tier()).append('[').append(c.priority()).append("] ");
        }
        text.append(c.action()).append(' ').append(peers(c.sources())).append(" -> ").append(peers(c.destinations()))
                .append(" on ").append(Canonical.join(c.ports(), ", "));
        if (!c.http().isEmpty()) {
            text.append(" http ").append(Canonical.join(c.http(), " | "));
        }
        if (!c.conditions().isEmpty()) {
            text.append(" when ").append(Canonical.join(c.conditions(), " & "));
        }
        if (!c.accepted().isEmpty()) {
            text.append(" accepting ").append(Canonical.join(c.accepted(), ", "));
        }
        return text.append(" (").append(c.effectiveSides().isEmpty() ? "enforced nowhere"
                : Canonical.join(c.effectiveSides(), "+")).append(')').toString();
    }

    private static String peers(List<Peer> peers) {
        StringBuilder text = new StringBuilder();
        for (Peer peer : peers) {
            text.append(text.length() == 0 ? "" : ", ");
            text.append(peer instanceof Workload
                    ? ((Workload) peer).namespace() + "/" + ((Workload) peer).name()
                    : peer.toString());
        }
        return text.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String pad(String text, int width) {
        StringBuilder padded = new StringBuilder(text);
        while (padded.length() < width) {
            padded.append(' ');
        }
        return padded.toString();
    }
}
