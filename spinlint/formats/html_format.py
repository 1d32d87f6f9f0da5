"""``--format html``: one self-contained page for readers who would rather look than read.

Each file gets a section: four score gauges, the readability panel, the
document with findings highlighted by category (colour, border style and a
text label, so it reads without colour), and a findings table. Hovering or
focusing a label reveals the message, the question to ask and the suggestion.

Safety: every piece of document text goes through ``html.escape``; the page
has no script of its own, and a Content-Security-Policy forbids scripts and
remote loads, so even a mistake in escaping could not run anything.
"""

from __future__ import annotations

from html import escape
from typing import Any, Iterable, Sequence

from .. import __version__
from ..report import CATEGORY_NAMES, FileReport, Report
from ..rules.findings import Finding

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
GAUGES = (("spin", "Spin (overall)"), ("vague", "Vague"), ("blame", "Blame-shifting"),
          ("evidence_gap", "Evidence gap"))
READABILITY_LABELS = {
    "flesch_reading_ease": "Flesch reading ease (higher = easier)",
    "flesch_kincaid_grade": "Grade level (Flesch–Kincaid)",
    "gunning_fog": "Gunning fog index",
    "smog_index": "SMOG index",
    "words": "Words",
    "sentences": "Sentences",
}
CATEGORY_LABELS = {"vague": "vague", "blame": "blame", "evidence": "no evidence",
                   "readability": "readability", "meta": "meta"}

STYLE = """
:root { color-scheme: light; font-family: system-ui, sans-serif; color: #1b1b1b; background: #fbfbf8; }
body { margin: 0 auto; max-width: 70rem; padding: 1rem 1.5rem 4rem; line-height: 1.5; }
h1 { margin-bottom: .25rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #333; overflow-wrap: anywhere; }
.meta, .legend { color: #444; }
.legend span { margin-right: .75rem; padding: 0 .3rem; }
.problems { background: #fff0f0; border: 1px solid #c0392b; padding: .5rem 1rem; }
.gauges { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .75rem; }
.gauge { border: 1px solid #ccc; background: #fff; padding: .5rem .75rem; border-radius: 4px; }
.gauge-name { font-weight: 600; }
.bar { height: .8rem; background: #e6e6e6; border: 1px solid #999; margin: .3rem 0; }
.fill { height: 100%; }
.fill.low { background: #4c9a4c; } .fill.medium { background: #d9a400; } .fill.high { background: #c0392b; }
.readability { border-collapse: collapse; margin: .5rem 0; }
.readability th { text-align: left; font-weight: normal; padding-right: 1.5rem; }
.readability td { font-variant-numeric: tabular-nums; }
.document { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid #ccc;
            padding: 1rem; font-family: Georgia, serif; font-size: 1.05rem; }
mark.hl { color: inherit; padding: 0 1px; }
.cat-vague { background: #fff1b8; border-bottom: 2px solid #9a7400; }
.cat-blame { background: #ffd9d6; border-bottom: 2px dashed #b03020; }
.cat-evidence { background: #d8e8ff; border-bottom: 2px dotted #1f5fa8; }
.cat-readability { background: #e2f3df; border-bottom: 3px double #2e7d32; }
.cat-meta { background: #ececec; border-bottom: 1px solid #555; }
a.tag { position: relative; font: 600 .7rem/1 system-ui, sans-serif; text-decoration: none; color: #111;
        padding: 1px 3px; margin: 0 2px; border-radius: 3px; vertical-align: super; white-space: nowrap; }
a.tag .tip { display: none; position: absolute; left: 0; top: 1.3rem; z-index: 10; width: 24rem;
             max-width: 80vw; background: #fff; color: #111; border: 1px solid #333; padding: .5rem .7rem;
             font: normal .9rem/1.4 system-ui, sans-serif; white-space: normal; box-shadow: 0 2px 6px #0004; }
a.tag:hover .tip, a.tag:focus .tip { display: block; }
.tip span { display: block; }
table.findings { border-collapse: collapse; width: 100%; font-size: .9rem; }
table.findings th, table.findings td { border: 1px solid #ccc; padding: .3rem .4rem; vertical-align: top;
                                       text-align: left; overflow-wrap: anywhere; }
table.findings th { background: #eee; white-space: nowrap; }
.rule-name { font-size: .8rem; color: #444; overflow-wrap: normal; }
.sev-error { font-weight: 700; color: #a01010; } .sev-warning { color: #7a5200; } .sev-info { color: #335; }
@media print { a.tag .tip { display: none; } }
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _level(score: float) -> str:
    return "low" if score < 25 else "medium" if score < 50 else "high"


def _gauges(file: FileReport) -> str:
    parts = ['<div class="gauges">']
    for key, label in GAUGES:
        score = float(file.scores.get(key, 0.0))
        score = min(max(score, 0.0), 100.0)
        level = _level(score)
        parts.append(
            f'<div class="gauge" data-score="{key}"><div class="gauge-name">{_e(label)}</div>'
            f'<div class="bar" role="meter" aria-valuemin="0" aria-valuemax="100" aria-valuenow="{score:.1f}" '
            f'aria-label="{_e(label)}"><div class="fill {level}" style="width: {score:.1f}%"></div></div>'
            f'<div class="gauge-value">{score:.0f} / 100 · {level}</div></div>'
        )
    parts.append("</div>")
    return "".join(parts)


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _readability(file: FileReport) -> str:
    if not file.readability:
        return '<p class="meta">No prose to measure.</p>'
    keys = [key for key in READABILITY_LABELS if key in file.readability]
    keys += sorted(key for key in file.readability if key not in READABILITY_LABELS)
    rows = "".join(
        f'<tr><th scope="row">{_e(READABILITY_LABELS.get(key, key.replace("_", " ").capitalize()))}</th>'
        f"<td>{_e(_number(file.readability[key]))}</td></tr>" for key in keys
    )
    return f'<table class="readability">{rows}</table>'


def _tip_lines(finding: Finding) -> Iterable[str]:
    yield f"<span><strong>{_e(finding.code)} {_e(finding.name)}</strong> ({_e(finding.severity)})</span>"
    yield f"<span>{_e(finding.message)}</span>"
    if finding.question:
        yield f"<span><em>Ask:</em> {_e(finding.question)}</span>"
    if finding.suggestion:
        yield f"<span><em>Try:</em> {_e(finding.suggestion)}</span>"
    if finding.reason:
        yield f"<span>{_e(finding.reason)}</span>"


def _tag(file_id: str, number: int, finding: Finding) -> str:
    label = f"{CATEGORY_LABELS.get(finding.category, finding.category)} {finding.code}"
    return (f'<a class="tag cat-{_e(finding.category)}" id="{file_id}-hl-{number}" '
            f'href="#{file_id}-row-{number}">[{_e(label)}]'
            f'<span class="tip" role="tooltip">{"".join(_tip_lines(finding))}</span></a>')


def _title(finding: Finding) -> str:
    text = f"{finding.code} {finding.name}: {finding.message}"
    if finding.question:
        text += f" Ask: {finding.question}"
    if finding.suggestion:
        text += f" Try: {finding.suggestion}"
    return text


def highlight(text: str, findings: Sequence[Finding], file_id: str) -> str:
    """The document as HTML with each finding's span marked and a label after it.

    Spans may overlap (a sentence-level finding around a phrase finding), so
    the text is cut at every span boundary and each piece is marked with the
    innermost finding that covers it; labels never nest inside each other.
    """
    length = len(text)
    spans = [(min(max(f.span.start, 0), length), min(max(f.span.end, 0), length)) for f in findings]
    cuts = sorted({0, length, *(point for span in spans for point in span)})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for number, (start, end) in enumerate(spans, 1):
        ends.setdefault(end, []).append(number)
        if start < end:
            starts.setdefault(start, []).append(number)
    # One sweep over the cuts with the set of spans open at each: testing every span against every
    # piece made the report quadratic in the number of findings (200 KB of dense text took a minute).
    covering: dict[int, None] = {}
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:] + [None]):
        # labels of the findings that end here come right after their text
        for number in ends.get(left, ()):
            out.append(_tag(file_id, number, findings[number - 1]))
            covering.pop(number, None)
        if right is None:
            break
        for number in starts.get(left, ()):
            covering[number] = None
        piece = _e(text[left:right])
        if not covering:
            out.append(piece)
            continue
        open_spans = sorted(covering)
        inner = min(open_spans, key=lambda n: spans[n - 1][1] - spans[n - 1][0])
        title = " | ".join(_title(findings[n - 1]) for n in open_spans)
        out.append(f'<mark class="hl cat-{_e(findings[inner - 1].category)}" title="{_e(title)}">{piece}</mark>')
    return "".join(out)


def _findings_table(file: FileReport, file_id: str) -> str:
    if not file.findings:
        return '<p class="meta">No findings.</p>'
    head = ("<thead><tr><th>#</th><th>Where</th><th>Rule</th><th>Category</th><th>Severity</th>"
            "<th>Text</th><th>Message</th><th>Ask</th><th>Try</th></tr></thead>")
    rows = []
    for number, finding in enumerate(file.findings, 1):
        rows.append(
            f'<tr id="{file_id}-row-{number}"><td><a href="#{file_id}-hl-{number}">{number}</a></td>'
            f'<td>{finding.line}:{finding.column}</td><td><strong>{_e(finding.code)}</strong><br>'
            f'<span class="rule-name">{_e(finding.name)}</span></td>'
            f'<td><span class="cat-{_e(finding.category)}">'
            f"{_e(CATEGORY_LABELS.get(finding.category, finding.category))}</span></td>"
            f'<td class="sev-{_e(finding.severity)}">{_e(finding.severity)}</td>'
            f"<td>{_e(finding.match)}</td><td>{_e(finding.message)}</td><td>{_e(finding.question)}</td>"
            f"<td>{_e(finding.suggestion)}</td></tr>"
        )
    return f'<table class="findings">{head}<tbody>{"".join(rows)}</tbody></table>'


def _file_section(file: FileReport, index: int) -> str:
    file_id = f"f{index}"
    count = len(file.findings)
    counts = ", ".join(f"{n} {CATEGORY_LABELS.get(c, c)}" for c, n in file.counts.items() if n)
    if file.text is None:
        document = '<p class="meta">The document text was not kept for this report.</p>'
    else:
        document = f'<div class="document">{highlight(file.text, file.findings, file_id)}</div>'
    return (
        f'<section class="file" id="{file_id}"><h2>{_e(file.path)}</h2>'
        f'<p class="meta">{count} finding{"s" if count != 1 else ""}{" (" + _e(counts) + ")" if counts else ""}'
        f" · {file.sentences} sentence{'s' if file.sentences != 1 else ''}</p>"
        f"<h3>Scores</h3>{_gauges(file)}<h3>Readability</h3>{_readability(file)}"
        f"<h3>Document</h3>{document}<h3>Findings</h3>{_findings_table(file, file_id)}</section>"
    )


def render(report: Report, **_: Any) -> str:
    summary = report.summary()
    legend = "".join(f'<span class="cat-{c}">{_e(CATEGORY_LABELS[c])}</span>' for c in CATEGORY_NAMES)
    toc = ""
    if len(report.files) > 1:
        items = "".join(f'<li><a href="#f{i}">{_e(file.path)}</a> ({len(file.findings)})</li>'
                        for i, file in enumerate(report.files, 1))
        toc = f"<nav><h2>Files</h2><ul>{items}</ul></nav>"
    problems = ""
    if report.problems:
        items = "".join(f"<li>{_e(problem.message)}</li>" for problem in report.problems)
        problems = f'<div class="problems"><strong>Not linted:</strong><ul>{items}</ul></div>'
    sections = "".join(_file_section(file, i) for i, file in enumerate(report.files, 1))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>spinlint report</title><style>{STYLE}</style></head>\n<body>"
        f'<header><h1>spinlint report</h1><p class="meta">{summary["files"]} file'
        f'{"s" if summary["files"] != 1 else ""} · {summary["findings"]} finding'
        f'{"s" if summary["findings"] != 1 else ""} · spinlint {_e(__version__)}</p>'
        f'<p class="legend">Highlights: {legend} — hover or focus a label for the question to ask.</p></header>'
        f"<main>{problems}{toc}{sections}</main></body></html>\n"
    )
