"""``--format html``: one self-contained page for readers who would rather look than read.

Each file gets a section: four score gauges, the readability panel, the document and a findings table.
The document stays readable prose: a phrase a rule found is highlighted (colour and underline style by
category) and numbered in the margin beside its line, never labelled inside the sentence; the
classifier's and the sentence metrics' verdicts on whole sentences are a stripe beside the lines and a
note in the margin, not a wash over the text. Every number links to its row in the table, where several
verdicts on one sentence share one row.

Safety: every piece of document text goes through ``html.escape``; the page
has no script of its own, and a Content-Security-Policy forbids scripts and
remote loads, so even a mistake in escaping could not run anything.
"""

from __future__ import annotations

from typing import Any, Sequence

from .. import __version__
from ..report import CATEGORY_NAMES, FileReport, Report
from ..rules.findings import Finding
from . import html_document
from .html_document import CATEGORY_LABELS, Row, category_label
# The document view lived here; callers that drew one document from findings still find it.
from .html_document import highlight  # noqa: F401

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
.document { background: #fff; border: 1px solid #ccc; padding: 1rem .5rem 1rem 0;
            font-family: Georgia, serif; font-size: 1.05rem; }
.line { display: grid; grid-template-columns: .9rem minmax(0, 1fr) 14rem; column-gap: .6rem; min-height: 1.5em; }
.line > .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.line > .gutter { border-right: 4px solid transparent; }
.line > .gutter.judged-vague { border-right-color: #9a7400; }
.line > .gutter.judged-blame { border-right-color: #b03020; }
.line > .gutter.judged-evidence { border-right-color: #1f5fa8; }
.line > .gutter.judged-readability { border-right-color: #2e7d32; }
.line > .gutter.judged-meta { border-right-color: #555; }
.line > .margin { font: .7rem/1.6 system-ui, sans-serif; }
mark.hl { color: inherit; padding: 0; }
.whole-document { font-size: .9rem; }
.cat-vague { background: #fff1b8; border-bottom: 2px solid #9a7400; }
.cat-blame { background: #ffd9d6; border-bottom: 2px dashed #b03020; }
.cat-evidence { background: #d8e8ff; border-bottom: 2px dotted #1f5fa8; }
.cat-readability { background: #e2f3df; border-bottom: 3px double #2e7d32; }
.cat-meta { background: #ececec; border-bottom: 1px solid #555; }
a.tag { position: relative; font-weight: 600; text-decoration: none; color: #111; padding: 0 3px;
        margin: 0 2px 2px 0; border-radius: 3px; white-space: nowrap; display: inline-block; }
a.tag.verdict { border-left: 4px solid currentColor; font-weight: normal; }
a.tag .tip { display: none; position: absolute; right: 0; top: 1.3rem; z-index: 10; width: 24rem;
             max-width: 80vw; background: #fff; color: #111; border: 1px solid #333; padding: .5rem .7rem;
             font: normal .9rem/1.4 system-ui, sans-serif; white-space: normal; box-shadow: 0 2px 6px #0004; }
a.tag:hover .tip, a.tag:focus .tip { display: block; }
.tip span { display: block; }
table.findings { border-collapse: collapse; width: 100%; font-size: .9rem; }
table.findings th, table.findings td { border: 1px solid #ccc; padding: .3rem .4rem; vertical-align: top;
                                       text-align: left; overflow-wrap: anywhere; }
table.findings th { background: #eee; white-space: nowrap; }
table.findings .num, table.findings .where { white-space: nowrap; overflow-wrap: normal; }
.rule-name { font-size: .8rem; color: #444; overflow-wrap: normal; }
.sev-error { font-weight: 700; color: #a01010; } .sev-warning { color: #7a5200; } .sev-info { color: #335; }
@media print { a.tag .tip { display: none; } }
"""


_e = html_document.escaped


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


def _where(finding: Finding) -> str:
    return finding.location or f"{finding.line}:{finding.column}"


def _cells(row: Row, attribute: str) -> str:
    """One table cell's text for each finding of the row (a sentence's verdicts share a row)."""
    values = [getattr(finding, attribute) for finding in row.findings]
    if len(values) == 1:
        return _e(values[0])
    return "".join(f"<div><strong>{_e(finding.code)}</strong> {_e(value)}</div>"
                   for finding, value in zip(row.findings, values) if value)


def _findings_table(file: FileReport, rows: Sequence[Row], file_id: str) -> str:
    if not rows:
        return '<p class="meta">No findings.</p>'
    head = ('<thead><tr><th class="num">#</th><th class="where">Where</th><th>Rule</th><th>Category</th>'
            "<th>Severity</th><th>Text</th><th>Message</th><th>Ask</th><th>Try</th></tr></thead>")
    body = []
    for row in rows:
        first = row.first
        rules = "<br>".join(f'<strong>{_e(finding.code)}</strong><br><span class="rule-name">{_e(finding.name)}</span>'
                            for finding in row.findings)
        categories = "<br>".join(f'<span class="cat-{_e(category)}">{_e(category_label(category))}</span>'
                                 for category in dict.fromkeys(finding.category for finding in row.findings))
        body.append(
            f'<tr id="{file_id}-row-{row.number}"><td class="num"><a href="#{file_id}-hl-{row.number}">'
            f'{row.number}</a></td><td class="where">{_e(_where(first))}</td><td>{rules}</td><td>{categories}</td>'
            f'<td class="sev-{_e(row.severity)}">{_e(row.severity)}</td><td>{_e(first.match)}</td>'
            f'<td>{_cells(row, "message")}</td><td>{_cells(row, "question")}</td>'
            f'<td>{_cells(row, "suggestion")}</td></tr>'
        )
    return f'<table class="findings">{head}<tbody>{"".join(body)}</tbody></table>'


def _file_section(file: FileReport, index: int) -> str:
    file_id = f"f{index}"
    count = len(file.findings)
    counts = ", ".join(f"{n} {category_label(c)}" for c, n in file.counts.items() if n)
    rows = html_document.rows(file.findings)
    if file.text is None:
        view = '<p class="meta">The document text was not kept for this report.</p>'
    else:
        view = (f"{html_document.whole_document(rows, file_id)}"
                f'<div class="document">{html_document.document(file.text, rows, file_id)}</div>')
    return (
        f'<section class="file" id="{file_id}"><h2>{_e(file.path)}</h2>'
        f'<p class="meta">{count} finding{"s" if count != 1 else ""}{" (" + _e(counts) + ")" if counts else ""}'
        f" · {file.sentences} sentence{'s' if file.sentences != 1 else ''}</p>"
        f"<h3>Scores</h3>{_gauges(file)}<h3>Readability</h3>{_readability(file)}"
        f"<h3>Document</h3>{view}<h3>Findings</h3>{_findings_table(file, rows, file_id)}</section>"
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
        f'<p class="legend">Highlights by category: {legend}</p><p class="legend">A number in the margin '
        "points to its row in the findings table (hover or focus it for the question to ask); a stripe beside "
        "the text and a note in the margin give a verdict on a whole sentence.</p></header>"
        f"<main>{problems}{toc}{sections}</main></body></html>\n"
    )
