package dev.kordon.build.report;

import static dev.kordon.build.report.Html.escape;

import dev.kordon.build.report.Report.Link;
import dev.kordon.build.report.Report.Node;
import dev.kordon.build.report.Report.TargetSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The picture of who talks to whom on a target, as inline SVG: the workloads and external ranges on an ellipse in
 * the order of the matrix (so that a namespace's workloads sit together, coloured by namespace), one arrow per allowed
 * connection with its ports, bent towards the centre so that it passes no other peer; a connection and its reverse
 * bend by different amounts. Coordinates are whole
 * numbers computed with {@link StrictMath}, so the text is the same on every machine.
 */
final class ReachabilityGraph {

    /** Fill and stroke per namespace, in order of first appearance; outside the cluster is grey. */
    private static final String[][] PALETTE = {
        {"#ddf4ff", "#0969da"}, {"#dafbe1", "#1a7f37"}, {"#fbefff", "#8250df"}, {"#fff1e5", "#bc4c00"},
        {"#ffebe9", "#cf222e"}, {"#fff8c5", "#9a6700"},
    };
    private static final String[] OUTSIDE = {"#f6f8fa", "#6e7781"};
    private static final int BOX_HEIGHT = 28;
    private static final int PAD = 24;
    private static final int LEGEND = 40;
    private static final int LABEL_LIMIT = 28;
    private static final int LABEL_HEIGHT = 16;

    private final TargetSummary target;
    private final String id;
    private final List<Node> nodes;
    private final List<String> namespaces = new ArrayList<>();
    private final int[] x;
    private final int[] y;
    private final int width;
    private final int height;
    /** The boxes of the peers and of the labels placed so far: left, top, right, bottom. */
    private final List<long[]> occupied = new ArrayList<>();

    private ReachabilityGraph(TargetSummary target, String id) {
        this.target = target;
        this.id = id;
        this.nodes = target.nodes();
        int n = nodes.size();
        int widest = nodes.stream().mapToInt(ReachabilityGraph::boxWidth).max().orElse(0);
        int ry = Math.max(150, n * 34);
        int rx = ry * 3 / 2;
        width = 2 * (rx + widest / 2 + PAD);
        height = 2 * (ry + BOX_HEIGHT / 2 + PAD) + LEGEND;
        x = new int[n];
        y = new int[n];
        for (int i = 0; i < n; i++) {
            double angle = -StrictMath.PI / 2 + 2 * StrictMath.PI * i / n;
            x[i] = width / 2 + (int) StrictMath.round(rx * StrictMath.cos(angle));
            y[i] = (height - LEGEND) / 2 + (int) StrictMath.round(ry * StrictMath.sin(angle));
            int half = boxWidth(nodes.get(i)) / 2;
            occupied.add(new long[] {x[i] - half, y[i] - BOX_HEIGHT / 2, x[i] + half, y[i] + BOX_HEIGHT / 2});
            String namespace = namespace(nodes.get(i));
            if (!namespace.isEmpty() && !namespaces.contains(namespace)) {
                namespaces.add(namespace);
            }
        }
    }

    /** The SVG element for the target; {@code id} makes its element ids unique in the page. */
    static String svg(TargetSummary target, String id) {
        return new ReachabilityGraph(target, id).render();
    }

    private String render() {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" font-family=\"ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono',"
                        + " monospace\" font-size=\"12\">\n");
        svg.append("<title id=\"").append(id).append("-title\">Who talks to whom on target ")
                .append(escape(target.id())).append("</title>\n");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(nodes.size()).append(" peers and ")
                .append(target.links().size()).append(" allowed connections; each arrow goes from the peer that opens"
                        + " the connection to the peer that accepts it, labelled with the allowed ports.</desc>\n");
        svg.append("<defs><marker id=\"").append(id).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\""
                + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\""
                + " fill=\"#57606a\"/></marker></defs>\n");
        List<String> labels = new ArrayList<>();
        for (Link link : target.links()) {
            edge(svg, labels, link);
        }
        for (int i = 0; i < nodes.size(); i++) {
            node(svg, i);
        }
        labels.forEach(svg::append);
        legend(svg);
        return svg.append("</svg>\n").toString();
    }

    private void edge(StringBuilder svg, List<String> labels, Link link) {
        int from = nodes.indexOf(link.source());
        int to = nodes.indexOf(link.destination());
        double dx = x[to] - x[from];
        double dy = y[to] - y[from];
        double length = StrictMath.hypot(dx, dy);
        double mx = (x[from] + x[to]) / 2.0;
        double my = (y[from] + y[to]) / 2.0;
        double nx = -dy / length;
        double ny = dx / length;
        if (nx * (centreX() - mx) + ny * (centreY() - my) < -0.5) {
            nx = -nx;
            ny = -ny;
        }
        boolean reverse = target.allowed(link.destination(), link.source()).isPresent();
        double bend = length * (reverse && from > to ? 0.05 : 0.18);
        double cx = mx + nx * bend;
        double cy = my + ny * bend;
        long[] start = border(from, cx, cy, 2);
        long[] end = border(to, cx, cy, 3);
        String title = escape(link.source() + " → " + link.destination() + " : " + link.allowed());
        svg.append("<path d=\"M").append(start[0]).append(' ').append(start[1]).append("Q")
                .append(StrictMath.round(cx)).append(' ').append(StrictMath.round(cy)).append(' ').append(end[0])
                .append(' ').append(end[1]).append("\" fill=\"none\" stroke=\"#57606a\" stroke-width=\"1.5\""
                        + " marker-end=\"url(#").append(id).append("-arrow)\"><title>").append(title)
                .append("</title></path>\n");
        String text = shorten(link.allowed());
        long[] at = labelPosition(start, cx, cy, end, text.length() * 66 / 10 + 6);
        long lx = at[0];
        long ly = at[1];
        labels.add("<text x=\"" + lx + "\" y=\"" + ly + "\" text-anchor=\"middle\" dominant-baseline=\"middle\""
                + " font-size=\"11\" fill=\"#24292f\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">"
                + "<title>" + title + "</title>" + escape(text) + "</text>\n");
    }

    /**
     * Where along the curve a label of this width fits without covering a peer or a label placed before: the middle
     * if free, else the first free of a few points either side of it, else the middle.
     */
    private long[] labelPosition(long[] start, double cx, double cy, long[] end, int labelWidth) {
        for (double t : new double[] {0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75}) {
            double u = 1 - t;
            long px = StrictMath.round(u * u * start[0] + 2 * u * t * cx + t * t * end[0]);
            long py = StrictMath.round(u * u * start[1] + 2 * u * t * cy + t * t * end[1]);
            long[] box = {px - labelWidth / 2, py - LABEL_HEIGHT / 2, px + labelWidth / 2, py + LABEL_HEIGHT / 2};
            if (occupied.stream().noneMatch(other -> box[0] < other[2] && other[0] < box[2] && box[1] < other[3]
                    && other[1] < box[3])) {
                occupied.add(box);
                return new long[] {px, py};
            }
        }
        double u = 0.5;
        return new long[] {StrictMath.round(u * u * start[0] + 2 * u * u * cx + u * u * end[0]),
            StrictMath.round(u * u * start[1] + 2 * u * u * cy + u * u * end[1])};
    }

    private double centreX() {
        return width / 2.0;
    }

    private double centreY() {
        return (height - LEGEND) / 2.0;
    }

    /** Where the line from node {@code i}'s centre towards (tx, ty) leaves its box, {@code gap} pixels further. */
    private long[] border(int i, double tx, double ty, int gap) {
        double dx = tx - x[i];
        double dy = ty - y[i];
        double length = StrictMath.hypot(dx, dy);
        double half = boxWidth(nodes.get(i)) / 2.0;
        double t = Math.min(dx == 0 ? Double.MAX_VALUE : half / Math.abs(dx / length),
                dy == 0 ? Double.MAX_VALUE : BOX_HEIGHT / 2.0 / Math.abs(dy / length)) + gap;
        return new long[] {StrictMath.round(x[i] + dx / length * t), StrictMath.round(y[i] + dy / length * t)};
    }

    private void node(StringBuilder svg, int i) {
        Node node = nodes.get(i);
        String[] colour = colour(node);
        int w = boxWidth(node);
        svg.append("<g><title>").append(escape(node.toString())).append("</title><rect x=\"").append(x[i] - w / 2)
                .append("\" y=\"").append(y[i] - BOX_HEIGHT / 2).append("\" width=\"").append(w)
                .append("\" height=\"").append(BOX_HEIGHT).append("\" rx=\"6\" fill=\"").append(colour[0])
                .append("\" stroke=\"").append(colour[1]).append('"')
                .append(node.external() ? " stroke-dasharray=\"4 3\"" : "").append("/><text x=\"").append(x[i])
                .append("\" y=\"").append(y[i]).append("\" text-anchor=\"middle\" dominant-baseline=\"central\""
                        + " fill=\"#1f2328\">").append(escape(node.name())).append("</text></g>\n");
    }

    private void legend(StringBuilder svg) {
        int left = PAD;
        int top = height - LEGEND + 8;
        List<String> names = new ArrayList<>(namespaces);
        boolean outside = nodes.stream().anyMatch(Node::external);
        if (outside) {
            names.add("");
        }
        for (String namespace : names) {
            String[] colour = namespace.isEmpty() ? OUTSIDE : PALETTE[namespaces.indexOf(namespace) % PALETTE.length];
            String text = namespace.isEmpty() ? "outside the cluster" : "namespace " + namespace;
            svg.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"18\" height=\"14\""
                    + " rx=\"3\" fill=\"").append(colour[0]).append("\" stroke=\"").append(colour[1]).append('"')
                    .append(namespace.isEmpty() ? " stroke-dasharray=\"4 3\"" : "").append("/><text x=\"")
                    .append(left + 24).append("\" y=\"").append(top + 7).append("\" dominant-baseline=\"central\""
                            + " fill=\"#1f2328\">").append(escape(text)).append("</text>\n");
            left += 24 + text.length() * 73 / 10 + 24;
        }
    }

    private String[] colour(Node node) {
        int index = namespaces.indexOf(namespace(node));
        return node.external() || index < 0 ? OUTSIDE : PALETTE[index % PALETTE.length];
    }

    private static String namespace(Node node) {
        int slash = node.name().indexOf('/');
        return node.external() || slash < 0 ? "" : node.name().substring(0, slash);
    }

    /** A label's width in pixels for 12px monospace text (about 7.3 pixels a character) and padding. */
    private static int boxWidth(Node node) {
        return node.name().length() * 73 / 10 + 20;
    }

    private static String shorten(String allowed) {
        return allowed.length() <= LABEL_LIMIT ? allowed : allowed.substring(0, LABEL_LIMIT - 1) + "…";
    }
}
