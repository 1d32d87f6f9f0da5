"""Read the shared datasets and map their labels onto spinlint's three labels.

Nothing here copies dataset text into the repository: every loader reads from
the datasets folder (``--data``, ``$SPINLINT_DATA`` or ``../shared/datasets``).
A label a dataset does not speak to is ``None`` (unknown), never 0, so each
label's classifier trains only on rows that carry it.  ``LABEL_MAPPING`` is
copied into the model card.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import LABELS

CONLL = "conll2010-wikiweasel"
IBM = "ibm-debater-ce-emnlp2015"
AI_WASHING = "ai-washing-10k-pilot"
LEXICONS = "lexicons-hedge-weasel-jargon"
CONCRETENESS = "concreteness-brysbaert2014"
PRIVACY = "privacy-vagueness-lebanoff2018"
PROJECT = "project-labels"
# Sentences in the genre spinlint reads (press releases, memos, incident notices, letters), written and
# labelled for the model by the project: train only, never evaluated, not read by the rule measurements.
GENRE_WRITTEN = "synthetic-genre"
CLAIM_STRENGTH = "claim-strength-yu2019-2020"
# The project's passage corpora (spinlint/model/passages.py): real in-genre passages labelled by the project,
# and passages the project wrote and others labelled.
REAL_PASSAGES = "real-passages"
WRITTEN_PASSAGES = "written-passages"
# Unlabelled train-tier text: the real passages come from it and the word vectors are learnt on it.
IN_GENRE_UNLABELLED = ("vendor-blog-milvus", "oss-vendor-comms", "gov-digital-blogs", "sec-10k-mdna-unlabelled")


class MissingLabels(Exception):
    """Labelled data training expects is not where it should be (training must not silently go on without it)."""

LABEL_MAPPING = {
    CONLL: {"vague": "1 = 'uncertain' (the sentence has a weasel, hedge or peacock cue); 0 = 'certain'",
            "blame": "not labelled", "evidence_gap": "not labelled"},
    IBM: {"vague": "not labelled", "blame": "not labelled",
          "evidence_gap": "1 = a claim sentence (claims.txt, corrected version); 0 = an evidence sentence typed "
                          "STUDY or EXPERT (evidence.txt); ANECDOTAL-only evidence is left out; [REF] markers removed"},
    AI_WASHING: {"vague": "1 = Speculative (plans, potential benefits, no concrete deployment); 0 = Actionable",
                 "blame": "not labelled",
                 "evidence_gap": "1 = Speculative; 0 = Actionable (concrete, measurable use); Irrelevant rows left out"},
    PROJECT: {label: "the project's own labels (corpora/), train split only; test split for evaluation"
              for label in LABELS},
}


@dataclass(frozen=True)
class Example:
    """One labelled sentence; a label is 1, 0 or None (this source does not label it)."""

    text: str
    dataset: str
    group: str
    vague: int | None = None
    blame: int | None = None
    evidence_gap: int | None = None
    split: str = "train"
    synthetic: bool = False

    def label(self, name: str) -> int | None:
        return getattr(self, name)


def data_dir(explicit: str | Path | None = None) -> Path:
    """``--data``, else ``$SPINLINT_DATA`` (or ``$SPINLINT_DATASETS``), else ``../shared/datasets``."""
    if explicit:
        return Path(explicit)
    for variable in ("SPINLINT_DATA", "SPINLINT_DATASETS"):
        if os.environ.get(variable):
            return Path(os.environ[variable])
    return Path("..") / "shared" / "datasets"


def dataset_files(data: Path, dataset: str) -> list[Path]:
    """The files of one dataset folder, for hashing into the card."""
    folder = data / dataset
    return sorted(path for path in folder.rglob("*") if path.is_file())


# -- CoNLL-2010 WikiWeasel ----------------------------------------------------------------------------

_PTB = [(re.compile(pattern), replacement) for pattern, replacement in (
    (r"-LRB-", "("), (r"-RRB-", ")"), (r"-LSB-", "["), (r"-RSB-", "]"), (r"-LCB-", "{"), (r"-RCB-", "}"),
    (r"``\s*", '"'), (r"\s*''", '"'), (r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1"),
    (r"\(\s+", "("), (r"\s+\)", ")"), (r"\s+([,.;:?!%])", r"\1"),
)]


def detokenise(text: str) -> str:
    """Undo the Penn Treebank tokenisation of the CoNLL copy so the text reads like ordinary prose."""
    for pattern, replacement in _PTB:
        text = pattern.sub(replacement, text)
    return text.strip()


def conll(data: Path, split: str) -> list[Example]:
    """``split`` is 'train' (may train) or 'eval' (the external benchmark: never for fitting)."""
    path = data / CONLL / "wikiweasel_sentences.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["split"] == split and row["text"].strip()]
    return [Example(detokenise(row["text"]), CONLL, f"{CONLL}:{split}", vague=int(row["uncertain"]),
                    split=split) for row in rows]


# -- IBM Debater claims and evidence ------------------------------------------------------------------

_REF = re.compile(r"\s*\[REF\]\s*")


def _ibm_topics(data: Path) -> dict[str, str]:
    with open(data / IBM / "motions.txt", encoding="utf-8", errors="replace") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))[1:]
    return {row[1].strip(): ("train" if row[2].strip().startswith("train") else "eval") for row in rows if len(row) >= 3}


def ibm_debater(data: Path, split: str) -> list[Example]:
    """``split`` is 'train' (39 topics) or 'eval' (the 19 held-out topics)."""
    topics = _ibm_topics(data)
    seen: set[str] = set()
    examples = []

    def add(topic: str, text: str, gap: int) -> None:
        text = _REF.sub(" ", text).strip()
        if topics.get(topic.strip()) == split and text and text not in seen:
            seen.add(text)
            examples.append(Example(text, IBM, f"{IBM}:{topic.strip()}", evidence_gap=gap, split=split))

    with open(data / IBM / "claims.txt", encoding="utf-8", errors="replace") as handle:
        for row in list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
            if len(row) >= 3:
                add(row[0], row[2][:1].upper() + row[2][1:], 1)
    with open(data / IBM / "evidence.txt", encoding="utf-8", errors="replace") as handle:
        for row in list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
            if len(row) >= 4 and ("STUDY" in row[3] or "EXPERT" in row[3]):
                add(row[0], row[2], 0)
    return examples


# -- AI washing pilot ---------------------------------------------------------------------------------


def ai_washing(data: Path) -> list[Example]:
    with open(data / AI_WASHING / "labeled_ai_sentences_216.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    examples = []
    for row in rows:
        label = {"Speculative": 1, "Actionable": 0}.get(row["true_label"])
        if label is not None:
            examples.append(Example(row["sentence"].strip(), AI_WASHING, AI_WASHING, vague=label,
                                    evidence_gap=label))
    return examples


# -- the project's own labels (spinlint/model/corpus.py, written elsewhere) -----------------------------


def project_labels(data: Path, required: bool = False) -> list[Example]:
    """The project's labelled 10-K pool; with ``required``, a missing or broken corpus raises ``MissingLabels``
    (training) instead of returning none (evaluation of an artefact without the corpus)."""
    from .corpus import load_labelled

    try:
        records = load_labelled(data)
    except (FileNotFoundError, OSError, ValueError, KeyError) as error:
        if required:
            raise MissingLabels(f"the project's labelled pool could not be read: {error}") from None
        return []
    examples = []
    for record in records:
        values = {label: _binary(getattr(record, label, None)) for label in LABELS}
        examples.append(Example(record.text, PROJECT, f"{record.dataset}:{record.document}",
                                split=str(record.split), synthetic=bool(record.synthetic), **values))
    return examples


def _binary(value) -> int | None:
    if value is None:
        return None
    return int(bool(value))


# -- lexicons and concreteness ------------------------------------------------------------------------


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def lexicons(data: Path) -> dict[str, list[str]]:
    """Word lists from the lexicon dataset and the AI-washing pilot, by name (frozen into the model)."""
    folder = data / LEXICONS
    lists = {
        "hedges": _lines(folder / "wooorm_hedges.txt"),
        "weasels": _lines(folder / "wooorm_weasels.txt") + _lines(folder / "btford_weasel_words.txt"),
        "fillers": _lines(folder / "wooorm_fillers.txt"),
        "buzzwords": _lines(folder / "wooorm_buzzwords.txt"),
    }
    with open(folder / "corporate_ipsum_bs_generator_words.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    lists["corporate ipsum"] = [row["word"] for row in rows if row["category"] != "transitionals"]
    with open(folder / "proselint_0.16.0_lists.tsv", encoding="utf-8") as handle:
        lists["corporate speak"] = [row["phrase"] for row in csv.DictReader(handle, delimiter="\t")]
    with open(folder / "retext_simplify_patterns.tsv", encoding="utf-8") as handle:
        lists["wordy phrases"] = [row["phrase"] for row in csv.DictReader(handle, delimiter="\t")]
    lists["ai vague terms"] = _lines(data / AI_WASHING / "vague_terms.txt")
    lists["ai concrete terms"] = _lines(data / AI_WASHING / "concrete_terms.txt")
    return {name: sorted({phrase.lower() for phrase in phrases}) for name, phrases in lists.items()}


def project_vocabularies() -> dict[str, list[str]]:
    """The rule catalogue's vocabularies (``spinlint.text.vocabulary``) present at training time."""
    from ..text import vocabulary

    return {f"spinlint {name}": sorted(set(vocabulary.get(name))) for name in vocabulary.names()}


def concreteness(data: Path) -> dict[str, float]:
    """Brysbaert et al. (2014) mean ratings of single words (1 abstract ... 5 concrete)."""
    path = data / CONCRETENESS / "Concreteness_ratings_Brysbaert_et_al_BRM.txt"
    table = {}
    with open(path, encoding="utf-8", errors="replace") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            word = (row.get("Word") or "").strip().lower()
            if word and row.get("Bigram") == "0" and " " not in word:
                table[word] = float(row["Conc.M"])
    return table


# -- evaluation-only sets -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoredSentence:
    """A sentence with a graded score (e.g. crowd vagueness 1-5) and its document."""

    text: str
    document: str
    score: float
    label: int


def privacy_vagueness(data: Path) -> list[ScoredSentence]:
    """Eval only: privacy-policy sentences with mean crowd vagueness (1-5) and the paper's 4 classes."""
    with open(data / PRIVACY / "sentences.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [ScoredSentence(detokenise(row["text"]), row["doc_id"], float(row["mean_score"]),
                           int(row["class4_paper"])) for row in rows]


def claim_strength(data: Path) -> list[ScoredSentence]:
    """Eval only: science and press-release claims, 0 none / 1 correlational / 2 hedged causal / 3 direct causal."""
    sentences = []
    for name in ("annotated_pubmed.csv", "annotated_eureka.csv"):
        with open(data / CLAIM_STRENGTH / name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                sentences.append(ScoredSentence(row["sentence"].strip(), name, float(row["label"]),
                                                int(row["label"])))
    return sentences


def describe_sources(data: Path, datasets: list[str]) -> list[dict]:
    """Folder and file sha256s of each dataset used, for the card."""
    from .runtime import sha256_of

    sources = []
    for name in datasets:
        files = [path for path in dataset_files(data, name) if path.suffix in {".csv", ".txt", ".tsv", ".json", ".jsonl"}
                 and path.name != "PROVENANCE.md"]
        sources.append({"dataset": name, "folder": f"../shared/datasets/{name}",
                        "files": {str(path.relative_to(data / name)): sha256_of(path) for path in files}})
    return sources


# -- synthetic blame seed (written for spinlint; train only, never evaluated) ---------------------------
# Blame has no open dataset and the project's labels hold few positives, so these
# sentences, written by the project, give the blame classifier both sides of the
# line: outcomes pinned on outside forces or on no one (1) versus outcomes owned
# by a named actor, or plain reports (0).

_BLAME_SEED = {
    1: (
        "Results were impacted by a challenging macroeconomic environment beyond our control.",
        "Mistakes were made in the rollout, and some customers were affected.",
        "The delay was caused by unforeseen headwinds across the industry.",
        "Unprecedented market conditions led to a softer quarter than planned.",
        "Margins came under pressure from external factors that no one could have anticipated.",
        "Legacy systems inherited from the previous team held the project back.",
        "The outage occurred due to an issue with a third-party provider.",
        "Regulatory uncertainty made it impossible to deliver the planned features on time.",
        "Certain positions were eliminated as a result of evolving business needs.",
        "Errors were introduced during the migration and data was lost.",
        "Sales declined 9% because customers were cautious in an uncertain economy.",
        "The shortfall reflects a difficult environment that affected the whole sector.",
        "Decisions were taken that, in hindsight, did not produce the expected outcomes.",
        "Our partners failed to deliver the components we needed, which delayed shipments.",
        "The weather and supply chain disruptions weighed on our performance this year.",
        "Some roles were impacted as the organisation was realigned to the new strategy.",
        "Inflationary pressures outside our control reduced profitability by $14 million.",
        "The breach was the result of a sophisticated attack that could not have been prevented.",
        "Lower revenue was driven by factors largely outside the company's influence.",
        "The timeline slipped because the previous vendor left the code in poor shape.",
        "Performance was hurt by geopolitical events and volatile currency markets.",
        "Customer data was exposed when a misconfiguration occurred.",
        "Growth was held back by industry-wide softness and a tough comparison with last year.",
        "The launch was postponed due to circumstances that arose late in the process.",
        "Costs rose 22% in 2021 as a result of the pandemic and the ongoing labour shortage.",
        "Unfortunately, the market did not respond to the product the way analysts predicted.",
        "Several deadlines were missed as priorities shifted across the business.",
        "The 6.5% decline was attributable to the economic slowdown in our key regions.",
        "Service quality suffered because the regulator changed the rules mid-year.",
        "It was decided that the team would be reduced in size.",
        "The $3 million miss was driven by timing issues and a handful of deals that slipped.",
        "Weak demand from distributors pushed second-quarter results 4 cents below guidance.",
        "A software glitch led to incorrect invoices being sent to some clients.",
        "These results reflect the broader challenges facing every company in our space.",
        "Given the headwinds, the board had no choice but to close the plant.",
        "Issues with the data provided by the client caused the model to underperform.",
    ),
    0: (
        "We missed our revenue target because we priced the new plan too high; that was my call.",
        "Our team shipped a faulty update on Tuesday, and we are refunding every affected customer.",
        "I approved the hiring plan that proved too large, and I take responsibility for the layoffs.",
        "We misjudged demand in Europe and ordered too much stock.",
        "The outage happened after our engineer deleted a production table by mistake.",
        "Revenue grew 12 percent to 48 million dollars, led by the new payments product.",
        "We will open two new warehouses in Ohio next spring.",
        "The board met on March 3 and approved the annual budget.",
        "Our sales team lost three large accounts to a cheaper competitor this quarter.",
        "We chose to delay the launch to fix security bugs we found in testing.",
        "Operating expenses fell as we closed our office in Denver.",
        "The company employs 1,200 people in four countries.",
        "We underestimated how long the migration would take, and we have changed how we plan.",
        "Management decided to cut jobs in the support division to reduce costs.",
        "Our pricing change caused the drop in renewals, and we are reversing it.",
        "The plant produced 30,000 units in the second half of the year.",
        "We spent 2 million dollars on new testing equipment for the lab.",
        "I made the decision to end the partnership, and the loss of revenue is on us.",
        "Our forecast was wrong because we relied on a single customer survey.",
        "The product team released version 3.2 with offline support.",
        "Customer complaints rose after we removed the phone support line.",
        "We hired 40 engineers and opened an office in Lisbon.",
        "Gross margin declined because we discounted heavily to win market share.",
        "The audit found that our team had not rotated access keys, and we have now done so.",
        "Our chief executive will present the results to shareholders on May 12.",
        "We lost the contract because our bid was far above the winning offer.",
        "The new checkout flow reduced abandoned carts from 18 percent to 11 percent.",
        "We did not test the backup system, and it failed when we needed it.",
        "Inventory rose because our buyers placed orders before the holiday forecast was ready.",
        "The committee reviewed 14 proposals and funded five of them.",
        "We cut the marketing budget, which slowed sign-ups in the second quarter.",
        "Our support staff answered 92 percent of tickets within a day.",
        "Freight costs increased after we switched to a faster shipping carrier.",
        "The finance team closed the books four days earlier than last year.",
        "We built the feature without asking customers, and few of them used it.",
        "The hospital treated 3,400 patients in its first year of operation.",
    ),
}


# Evidence: bare claims, including ones dressed in unsourced numbers (1), versus
# claims that carry their source, method or observation, with or without digits (0).
_EVIDENCE_SEED = {
    1: (
        "Our platform boosts productivity by 40% for every team that adopts it.",
        "Customers save up to 70% on operating costs with our solution.",
        "Nine out of ten leaders agree that AI will define the next decade.",
        "Our approach is proven to deliver three times the return of traditional methods.",
        "The new assistant makes employees 5x more effective.",
        "This technology will cut errors in half across the industry.",
        "Our AI is the most accurate system on the market.",
        "Adopting the platform guarantees faster growth and happier customers.",
        "Companies that use our tools grow 2.5 times faster than their peers.",
        "Automation has eliminated 80% of manual work for our clients.",
        "Everyone knows remote work lowers productivity.",
        "Our model understands customers better than any human agent.",
        "Studies show that teams using AI are far more productive.",
        "Research has found that our method doubles engagement.",
        "Experts agree that this is the future of retail.",
        "Data shows our customers are happier than ever.",
        "Teams that adopt our assistant save 12 hours every week.",
        "We deliver a 200% return on investment in the first year.",
        "8 in 10 executives say AI-first companies will win the decade.",
        "Our clients cut their cloud bills by 35% within 90 days.",
        "The platform resolves 95% of customer issues without a human.",
        "Employees are 3x more engaged when they use our app.",
        "Companies lose $2 million a year by ignoring their data.",
        "Our model is 99.9% accurate across every use case.",
    ),
    0: (
        "In our pilot with the Leeds branch, staff processed claims in two days instead of five, as logged in the case system.",
        "The county auditor's report, published in June, found no errors in the payroll records it sampled.",
        "According to the manufacturer's safety notice, the valves should be replaced before winter.",
        "Our support logs show that most tickets about login failures came from the old mobile app.",
        "A peer-reviewed trial at two hospitals compared the two treatments and found no difference in recovery.",
        "The regulator's inspection letter lists the three findings we must fix by the end of the year.",
        "We asked every driver on the night shift, and all of them said the new route was shorter.",
        "Independent testers at the university measured the battery life and published their method online.",
        "The minutes of the March board meeting record the vote to close the plant.",
        "When we compared invoices before and after the change, the backlog had fallen by about a third.",
        "The survey of our customers, run by an outside firm, asked 1,000 people the same ten questions.",
        "Our engineers traced the outage to an expired certificate, as the incident report explains.",
    ),
}


# Vague corporate-speak (1) versus plain statements of who does what (0): the
# genre CoNLL's Wikipedia sentences do not cover.
_VAGUE_SEED = {
    1: (
        "We will unlock value at scale across the enterprise.",
        "Our AI-first journey will transform the way we work.",
        "We are reimagining what is possible for our customers.",
        "This partnership will drive synergies and accelerate innovation.",
        "We remain committed to delivering best-in-class experiences.",
        "Our people are at the heart of everything we do.",
        "We are leaning into the opportunities ahead with purpose.",
        "The new strategy positions us for sustainable long-term growth.",
        "We will leverage our platform to empower stakeholders everywhere.",
        "Our solutions help organisations unlock their full potential.",
        "We continue to evolve our operating model to meet the moment.",
        "Going forward, we will double down on what makes us unique.",
        "Together we are building a future-ready, human-centred organisation.",
        "The initiative will create meaningful impact across our ecosystem.",
        "We are well positioned to capture the opportunities of the AI era.",
        "Our holistic approach delivers seamless value end to end.",
    ),
    0: (
        "We will move the payroll team to the new office on 1 June.",
        "The app now lets customers pay their bills by bank transfer.",
        "We are hiring six nurses for the night shift at the Bristol clinic.",
        "The contract with the cleaning firm ends in September and will not be renewed.",
        "Our drivers deliver parcels in the city centre before nine in the morning.",
        "The new software sorts incoming emails into billing, repairs and complaints.",
        "We closed the Leeds warehouse and moved its stock to Sheffield.",
        "The support line is open from eight to six on weekdays.",
        "Engineers replaced the cooling fans in both server rooms.",
        "The chatbot answers questions about delivery dates and nothing else.",
        "Each team lead will review their budget with finance before the end of the month.",
        "We stopped selling the basic plan and moved its users to the standard plan.",
        "The factory switched from diesel forklifts to electric ones.",
        "New staff now shadow a colleague for their first two weeks.",
        "The library extended its opening hours on Saturdays.",
        "We removed the fee for paper statements.",
    ),
}


# (label, name in the card, sentences by value): written by the project, train only, marked synthetic.
_SEEDS = (("blame", "blame", _BLAME_SEED), ("evidence_gap", "evidence", _EVIDENCE_SEED), ("vague", "vague", _VAGUE_SEED))


def genre_sentences(corpora_dir: Path | None = None) -> list[Example]:
    """corpora/synthetic-genre.jsonl (see corpora/README.md), marked synthetic; none if the file is absent."""
    from .corpus import CORPORA, read_jsonl

    path = Path(corpora_dir or CORPORA) / f"{GENRE_WRITTEN}.jsonl"
    if not path.is_file():
        return []
    return [Example(row["text"], GENRE_WRITTEN, f"{GENRE_WRITTEN}:{row['genre']}", synthetic=True,
                    **{label: int(row[label]) for label in LABELS}) for row in read_jsonl(path)]


def synthetic_seeds() -> list[Example]:
    return [Example(text, f"synthetic-{name}-seed", "synthetic", synthetic=True, **{label: value})
            for label, name, table in _SEEDS for value, texts in table.items() for text in texts]
