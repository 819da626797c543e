package dev.kordon.build.report;

/** The report page's style sheet: system fonts only, readable on screen, printable on paper. */
final class HtmlStyle {

    private HtmlStyle() {
    }

    static final String CSS = """
            :root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
              --ok: #dafbe1; --ok-fg: #116329; --warn: #fff8c5; --bad: #ffebe9; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 1320px; padding: 24px 32px 48px; color: var(--fg); background: #fff;
              font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            h1 { font-size: 28px; margin: 0 0 4px; }
            h2 { font-size: 21px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
            h3 { font-size: 16px; margin: 22px 0 8px; }
            code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
              font-size: 12.5px; }
            h2 code { font-size: inherit; }
            a { color: #0969da; }
            .lead, .meta, .legend, figcaption { color: var(--muted); }
            .note { border-left: 4px solid #d4a72c; background: var(--warn); padding: 8px 12px; }
            nav ul { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 8px 0; }
            table { border-collapse: collapse; margin: 8px 0 16px; }
            caption { caption-side: top; text-align: left; font-weight: 600; padding: 4px 0; }
            th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
            thead th, thead td { background: var(--head); }
            tbody th { font-weight: 600; background: #fff; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .intents td:last-child code { white-space: pre-wrap; overflow-wrap: anywhere; }
            .intents th code, .fidelity th code, .fidelity td code { white-space: nowrap; }
            .fidelity-narrowed { background: var(--warn); }
            .fidelity-widened, .fidelity-unsupported { background: var(--bad); }
            .scroll { overflow-x: auto; }
            .matrix th, .matrix td { font-size: 12.5px; }
            .matrix tbody th { white-space: nowrap; }
            .matrix thead th { vertical-align: bottom; min-width: 96px; }
            .matrix td { text-align: center; vertical-align: middle;
              font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
            .matrix td.allowed { background: var(--ok); color: var(--ok-fg); }
            .matrix td.na { background: repeating-linear-gradient(45deg, #f6f8fa 0 4px, #e6eaef 4px 8px); }
            .kind { display: block; font-weight: 400; font-size: 11px; color: var(--muted); }
            figure { margin: 8px 0 16px; }
            svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
            .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
              white-space: nowrap; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11px; }
              nav { display: none; }
              h2, h3, caption { break-after: avoid; }
              table, figure, tr { break-inside: avoid; }
              .matrix th, .matrix td { font-size: 9px; padding: 2px 3px; }
              .matrix thead th { min-width: 0; }
              .intents th code, .fidelity th code, .fidelity td code { white-space: normal; overflow-wrap: anywhere; }
              .scroll { overflow: visible; }
              a { color: inherit; text-decoration: none; }
            }
            """;
}
