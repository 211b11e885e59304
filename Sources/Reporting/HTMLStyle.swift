/// The HTML report's stylesheet: inline, light, print-friendly, and with a font stack that
/// covers Chinese on Windows, macOS and Linux without loading any font.
enum HTMLStyle {
    static let css = """
        :root {
          --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; --wash: #f6f8fa;
          --go: #1a7f37; --go-bg: #dafbe1; --cond: #9a6700; --cond-bg: #fff8c5; --split: #bc4c00; --split-bg: #fff1e5;
          --defer: #6639ba; --defer-bg: #fbefff; --nogo: #cf222e; --nogo-bg: #ffebe9;
          --fail: #cf222e; --warn: #9a6700; --unknown: #0969da; --error: #8250df; --waived: #59636e; --pass: #1a7f37;
        }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body {
          margin: 0; background: var(--wash); color: var(--ink); line-height: 1.5; font-size: 14px;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
            "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif;
        }
        main { max-width: 1180px; margin: 0 auto; padding: 24px; }
        article.report, section.portfolio { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 28px 32px; margin-bottom: 28px; }
        h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.25; }
        h2 { font-size: 20px; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 16px; margin: 22px 0 10px; }
        h4 { font-size: 14px; margin: 0; }
        p { margin: 6px 0; }
        code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
        code { background: var(--wash); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; overflow-wrap: anywhere; }
        code.id { white-space: nowrap; overflow-wrap: normal; }
        .subtitle { color: var(--muted); margin: 0 0 18px; }
        .meta { color: var(--muted); font-size: 12.5px; }
        .verdict-banner { display: flex; gap: 20px; align-items: center; border-radius: 8px; padding: 18px 22px; margin: 14px 0 18px; border: 2px solid; }
        .verdict-banner .verdict-name { font-size: 28px; font-weight: 700; line-height: 1.1; }
        .verdict-banner .verdict-label { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; font-weight: 600; }
        .verdict-banner .verdict-code { font-size: 12px; opacity: .8; }
        .verdict-banner p { margin: 4px 0 0; font-size: 15px; }
        .v-go { --c: var(--go); --b: var(--go-bg); }
        .v-go_with_conditions { --c: var(--cond); --b: var(--cond-bg); }
        .v-split { --c: var(--split); --b: var(--split-bg); }
        .v-defer { --c: var(--defer); --b: var(--defer-bg); }
        .v-no_go { --c: var(--nogo); --b: var(--nogo-bg); }
        .verdict-banner { color: var(--c); background: var(--b); border-color: var(--c); }
        .verdict-banner p { color: var(--ink); }
        .pill { display: inline-block; border-radius: 999px; padding: 0 9px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid var(--c, var(--line)); color: var(--c, var(--ink)); background: var(--b, var(--wash)); }
        .s-fail { --c: var(--fail); --b: #ffebe9; }
        .s-warn { --c: var(--warn); --b: #fff8c5; }
        .s-unknown { --c: var(--unknown); --b: #ddf4ff; }
        .s-error { --c: var(--error); --b: #fbefff; }
        .s-waived { --c: var(--waived); --b: #f6f8fa; }
        .s-pass { --c: var(--pass); --b: #dafbe1; }
        .s-not_applicable { --c: var(--muted); --b: #f6f8fa; }
        .s-not_due { --c: var(--muted); --b: #f6f8fa; }
        .st-green { --c: var(--go); --b: var(--go-bg); }
        .st-amber { --c: var(--cond); --b: var(--cond-bg); }
        .st-grey { --c: var(--muted); --b: #eaeef2; }
        .st-red { --c: var(--nogo); --b: var(--nogo-bg); }
        .kpi .v .pill { font-size: 16px; padding: 2px 12px; white-space: normal; max-width: 100%; border-radius: 12px; }
        .chip { display: inline-block; font-size: 11.5px; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 6px; margin-left: 4px; white-space: nowrap; }
        .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 0 0 18px; }
        .kpi { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
        .kpi .k { font-size: 12px; color: var(--muted); }
        .kpi .v { font-size: 24px; font-weight: 700; }
        .kpi .v small { font-size: 13px; font-weight: 400; color: var(--muted); }
        .charts { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; margin: 8px 0; }
        figure { margin: 0; }
        figure.chart-box { flex: 1 1 520px; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
        figure.wide { flex-basis: 100%; overflow-x: auto; }
        figure.wide svg.chart { width: 100%; }
        figcaption { font-weight: 600; margin-bottom: 8px; }
        figcaption small { display: block; font-weight: 400; color: var(--muted); }
        svg.chart { max-width: 100%; height: auto; display: block; font-family: inherit; }
        svg .grid { stroke: #e6eaef; stroke-width: 1; }
        svg .separator { stroke: var(--line); }
        svg .axis { font-size: 11px; fill: var(--muted); }
        svg .axis-title { font-size: 12px; fill: var(--muted); font-weight: 600; }
        svg .label { font-size: 13px; fill: var(--ink); }
        svg .total { font-weight: 700; }
        svg .value { font-size: 13px; fill: var(--ink); font-weight: 600; }
        svg .legend { font-size: 11px; fill: var(--muted); }
        svg .track { fill: #eef1f4; }
        svg .bar.st-green { fill: #2da44e; } svg .bar.st-amber { fill: #d4a72c; } svg .bar.st-red { fill: #cf222e; }
        svg .bar.st-grey { fill: #8c959f; }
        svg .coverage-bar { fill: #54aeff; }
        svg .cell rect { fill: #f6f8fa; stroke: #ffffff; stroke-width: 2; }
        svg .cell.low rect { fill: #e6f4ea; } svg .cell.moderate rect { fill: #fff5cc; }
        svg .cell.high rect { fill: #ffe2c6; } svg .cell.critical rect { fill: #ffd8d6; }
        svg .cell.occupied.low rect { fill: #7fc690; } svg .cell.occupied.moderate rect { fill: #f2c744; }
        svg .cell.occupied.high rect { fill: #f08c3a; } svg .cell.occupied.critical rect { fill: #d9363e; }
        svg .cell .score { font-size: 10px; fill: #8c959f; }
        svg .cell.occupied .score { fill: rgba(0,0,0,.45); }
        svg .cell .count { font-size: 17px; font-weight: 700; fill: #1f2328; }
        svg .cell.occupied.critical .count, svg .cell.occupied.critical .rule-id, svg .cell.occupied.critical .score { fill: #ffffff; }
        svg .cell .rule-id { font-size: 9px; fill: #1f2328; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        svg .section-band { fill: #f6f8fa; }
        svg .section-title { font-size: 12.5px; font-weight: 700; fill: var(--ink); }
        svg .phase-label { font-size: 12px; fill: var(--ink); }
        svg .bar.original { fill: #8c9bab; }
        svg .bar.neutral { fill: #ffffff; }
        svg .bar.v-go { fill: #2da44e; } svg .bar.v-go_with_conditions { fill: #d4a72c; } svg .bar.v-split { fill: #e16f24; }
        svg .bar.v-defer { fill: #8250df; } svg .bar.v-no_go { fill: #cf222e; }
        svg .bar.follow-on { stroke: #1f2328; stroke-width: 1.5; stroke-dasharray: 5 3; }
        svg .bar.open-ended { stroke: #1f2328; stroke-width: 1; stroke-dasharray: 2 2; }
        svg .hatch-bg { fill: transparent; } svg .hatch-line { stroke: rgba(255,255,255,.75); stroke-width: 3; }
        svg .bar-note { font-size: 10.5px; fill: var(--ink); }
        svg .bar-note.inside { fill: #ffffff; font-weight: 600; paint-order: stroke; stroke: rgba(0,0,0,.45); stroke-width: 2.2px; stroke-linejoin: round; }
        svg .as-of { stroke: #cf222e; stroke-width: 1.5; stroke-dasharray: 4 3; }
        svg .as-of-label { font-size: 10.5px; fill: #cf222e; font-weight: 600; }
        svg .zone-separator { stroke: var(--line); stroke-width: 1; stroke-dasharray: 2 3; }
        svg .connector { fill: none; stroke: #57606a; stroke-width: 1.2; stroke-dasharray: 3 2; }
        svg .arrow-head { fill: #57606a; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 13px; }
        th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
        th { background: var(--wash); font-weight: 600; }
        td.nowrap { white-space: nowrap; }
        table.counts td:first-child, table.counts th:first-child { white-space: nowrap; }
        table.counts th, table.counts td { padding: 5px 5px; }
        table.counts th .pill { font-size: 10.5px; padding: 0 5px; }
        table.gaps { table-layout: fixed; }
        table.gaps th:nth-child(1) { width: 27%; } table.gaps th:nth-child(2) { width: 13%; }
        table.gaps th:nth-child(3) { width: 20%; } table.gaps th:nth-child(4) { width: 26%; }
        table.gaps th:nth-child(5) { width: 14%; }
        table.gaps td { overflow-wrap: break-word; word-break: normal; }
        table.gaps td code { overflow-wrap: break-word; }
        td.phase-name { min-width: 10em; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.total td { font-weight: 700; border-top: 2px solid var(--line); }
        .decided-by, .plain-list { margin: 6px 0 12px; padding-left: 20px; }
        .decided-by li, .plain-list li { margin: 3px 0; }
        .phase-notes { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 12px; margin: 12px 0; }
        .phase-note { border: 1px solid var(--line); border-left: 4px solid var(--c); border-radius: 6px; padding: 10px 12px; }
        .phase-note h4 { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; }
        .phase-note h4 .pill { flex-shrink: 0; }
        .phase-note ul { margin: 6px 0 0; padding-left: 18px; }
        .phase-note .label { font-weight: 600; font-size: 12.5px; color: var(--muted); margin-top: 6px; }
        .category { margin-top: 8px; }
        .finding { border: 1px solid var(--line); border-left: 4px solid var(--c); border-radius: 6px; padding: 12px 14px; margin: 10px 0; break-inside: avoid; }
        .finding header { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: baseline; }
        .finding header h4 { font-size: 14.5px; }
        .finding .results { margin: 8px 0; padding-left: 0; list-style: none; }
        .finding .results li { margin: 4px 0; padding-left: 0; }
        .finding .where { color: var(--muted); font-size: 12px; }
        .finding .recommendation { background: #f0f7ff; border-radius: 4px; padding: 8px 10px; margin-top: 8px; }
        .takes { display: inline-block; margin-top: 2px; font-size: 0.92em; color: #1d4e89; }
        .finding .rationale { color: var(--muted); font-size: 12.5px; margin-top: 6px; }
        .finding .refs { font-size: 12px; color: var(--muted); margin-top: 4px; }
        .empty { color: var(--muted); font-style: italic; }
        nav.toc { display: flex; flex-wrap: wrap; gap: 2px 16px; font-size: 13px; margin: -8px 0 14px; }
        nav.toc a { text-decoration: none; }
        nav.toc a:hover { text-decoration: underline; }
        footer.colophon { color: var(--muted); font-size: 12px; text-align: center; margin: 12px 0 24px; }
        a { color: #0969da; }
        @page { size: A4; margin: 12mm; }
        @media print {
          body { background: #ffffff; font-size: 11.5px; }
          main { max-width: none; padding: 0; }
          article.report, section.portfolio { border: none; border-radius: 0; padding: 0; margin: 0; }
          article.report + article.report, section.portfolio + article.report { break-before: page; }
          h2, h3, h4 { break-after: avoid; }
          figure, .phase-note, .finding, .kpi, .verdict-banner { break-inside: avoid; }
          table { break-inside: auto; }
          thead { display: table-header-group; }
          tr, li { break-inside: avoid; page-break-inside: avoid; }
          .verdict-banner { padding: 10px 16px; margin: 8px 0 10px; }
          .verdict-banner .verdict-name { font-size: 22px; }
          .kpis { grid-template-columns: repeat(7, 1fr); gap: 6px; margin-bottom: 8px; }
          .kpi { padding: 5px 8px; }
          .kpi .v { font-size: 17px; }
          h2 { font-size: 16px; margin-top: 18px; }
          h3 { font-size: 13.5px; margin: 12px 0 6px; }
          .charts { display: block; margin: 0; }
          figure.chart-box { border: none; padding: 2px 0; margin: 0 0 8px; }
          svg.readiness-chart, svg.risk-matrix { width: 440px; margin: 0 auto; }
          html[lang^="zh"] body { font-size: 11px; line-height: 1.42; }
          section.provenance table { font-size: 9.5px; margin: 4px 0 8px; }
          section.provenance th, section.provenance td { padding: 2px 6px; }
          section.provenance h2 { margin-top: 12px; }
          html[lang^="zh"] table { font-size: 11.5px; }
          nav.toc { display: none; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
