"""spinlint's own labelled corpus: the sentence pool, its splits and its labels.

Sentences are stored *by reference* (dataset, file, character offsets or CSV row,
sha256 of the text), never copied into the repository. Loading re-reads each
sentence from ``../shared/datasets`` and refuses to continue if a hash differs,
so labels can never silently drift onto different text.

Standard library only: this module is imported by training code, not on the
``spinlint check`` path, but it should stay cheap anyway.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

REPO = Path(__file__).resolve().parents[2]


def _corpora_dir() -> Path:
    """The labelled corpora: shipped inside an installed package (``spinlint/_corpora``, mapped by the wheel
    build from the top-level ``corpora/``), else the source checkout's ``corpora/``. Training from either sees
    the same rows."""
    installed = Path(__file__).resolve().parents[1] / "_corpora"
    return installed if installed.is_dir() else REPO / "corpora"


CORPORA = _corpora_dir()
LABELS = ("vague", "blame", "evidence_gap")

SEED = 20261129
SEC = "sec-10k-mdna-unlabelled"
AIW = "ai-washing-10k-pilot"
AIW_FILE = "labeled_ai_sentences_216.csv"
AIW_COLUMN = "sentence"
# The CSV has no company column and repeats boilerplate across companies and
# years, so all its rows form one group: they all land on the same side of the split.
AIW_DOCUMENT = "ai-washing-10k-pilot"

# How many sentences each dataset contributes, per selection reason.
# About 30% random; the rest chosen to over-represent bad news, causes and claims.
QUOTAS = {
    SEC: {"random": 182, "attribution": 190, "negative_outcome": 116, "claim": 110},
    AIW: {"random": 24, "attribution": 16, "negative_outcome": 16, "claim": 24},
}
TEST_SHARE = 0.25
BLIND_SIZE = 150
# Blind subset over-samples blame candidates so blame kappa is not computed on a handful of positives.
BLIND_STRATA = {"attribution": 60, "negative_outcome": 30, "claim": 30, "random": 30}

MIN_WORDS, MAX_WORDS = 6, 80

ATTRIBUTION_CUE = re.compile(
    r"\b(due to|because of|as a result of|result(?:ed|ing|s)? (?:from|in)|impacted by|affected by|attributable to"
    r"|driven by|caused by|headwinds?|legacy|owing to|stemm(?:ed|ing) from|pressured by|hurt by|weighed on"
    r"|reflect(?:s|ed|ing)?|offset by)\b",
    re.I,
)
NEGATIVE_CUE = re.compile(
    r"\b(declin\w*|decreas\w*|lower|loss(?:es)?|shortfall|fell|fall(?:ing)?|dropp?\w*|weak\w*|unfavorabl[ey]"
    r"|adverse(?:ly)?|impairments?|delay\w*|restructuring|layoffs?|headcount|closures?|clos(?:ed|ing)|disrupt\w*"
    r"|challeng\w*|soft(?:er|ness)|miss(?:ed)?|deteriorat\w*|negative(?:ly)?|shortages?|pressures?|reduc\w*"
    r"|unable|failure|failed|downturn|slow\w*)\b",
    re.I,
)
CLAIM_CUE = re.compile(
    r"\b(improv\w*|enhanc\w*|transform\w*|leading|leader|innovat\w*|best-in-class|world-class|optimi[sz]\w*"
    r"|strengthen\w*|drive[sn]?|efficien\w*|superior|unique|differentiat\w*|accelerat\w*|empower\w*|unlock\w*"
    r"|synerg\w*|excellence|premier|value)\b",
    re.I,
)

# Tokens ending in a period that do not end a sentence.
ABBREVIATIONS = {
    "inc", "co", "corp", "ltd", "no", "nos", "mr", "ms", "mrs", "dr", "vs", "st", "jr", "sr", "approx", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "ref", "ave",
}
BOUNDARY = re.compile(r"[.!?][\"'’”)]*(?=\s+[\"“(]?[A-Z]|\s*$)")
# Signs of text glued together by the extraction (headings, tables): "10-K.OverviewWe", "21Table".
GLUE = re.compile(
    r"[\w)%]{2}[.:;][A-Z]|[a-z][.:]\d|[a-z]{2}[A-Z][a-z]|\d[A-Z][a-z]|\d{2}[A-Z]{2}|\)[A-Z]|•|\t|Table of Contents"
)


class CorpusIntegrityError(ValueError):
    """A stored reference no longer matches the dataset text (hash mismatch, missing file or row)."""


@dataclass(frozen=True)
class LabelledSentence:
    id: str
    text: str
    document: str
    dataset: str
    vague: int
    blame: int
    evidence_gap: int
    split: str  # "train" | "test"
    synthetic: bool


# ---------------------------------------------------------------- paths


def default_datasets_dir() -> Path:
    return Path(os.environ.get("SPINLINT_DATASETS", REPO.parent / "shared" / "datasets"))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- sentences from the datasets


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of sentences: split inside lines at ., ! or ? before a capital."""
    for line in re.finditer(r"[^\r\n]+", text):
        start = line.start()
        for boundary in BOUNDARY.finditer(line.group()):
            end = line.start() + boundary.end()
            token = text[start:end].rsplit(None, 1)[-1] if text[start:end].strip() else ""
            bare = token.rstrip(".!?\"'’”)").lower()
            if bare in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", bare):
                continue  # "Inc.", "U.S.", an initial: not the end of a sentence
            yield from _trimmed(text, start, end)
            start = end
        if start < line.end():
            yield from _trimmed(text, start, line.end())


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def is_clean_sentence(sentence: str) -> bool:
    """A whole prose sentence: not a fragment, heading, glued table or list item."""
    words = sentence.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if not re.match(r"[\"“(]?[A-Z]", sentence) or not re.search(r"[.!?][\"'’”)]*$", sentence):
        return False
    if GLUE.search(sentence):
        return False
    numeric = sum(1 for word in words if re.search(r"[\d$%]", word))
    return numeric / len(words) <= 0.25


def sec_document(file_name: str) -> str:
    """Grouping key: the filer. 'ew__0001099800-17-000008.txt' -> 'ew'.

    Files from the source's catch-all 'brat_files' folder are grouped by the CIK in their accession number.
    """
    prefix, accession = file_name.split("__", 1)
    return f"{prefix}-{accession[:10]}" if prefix == "brat_files" else prefix


def _sec_candidates(datasets_dir: Path) -> Iterator[dict]:
    folder = datasets_dir / SEC
    for path in sorted(folder.glob("*.txt")):
        text = _read_text(path)
        for start, end in sentence_spans(text):
            sentence = text[start:end]
            if is_clean_sentence(sentence):
                yield {
                    "dataset": SEC, "file": path.name, "start": start, "end": end,
                    "document": sec_document(path.name), "_text": sentence,
                }


def _aiw_candidates(datasets_dir: Path) -> Iterator[dict]:
    for row, sentence in enumerate(_read_csv_column(datasets_dir / AIW / AIW_FILE, AIW_COLUMN)):
        if is_clean_sentence(sentence):
            yield {
                "dataset": AIW, "file": AIW_FILE, "row": row, "column": AIW_COLUMN,
                "document": AIW_DOCUMENT, "_text": sentence,
            }


def _read_text(path: Path) -> str:
    # newline="" keeps offsets identical on every platform.
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def _read_csv_column(path: Path, column: str) -> list[str]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle)]


def _dedupe_key(sentence: str) -> str:
    # The same sentence recurs across a filer's yearly 10-Ks with only the years or amounts changed.
    return re.sub(r"[^a-z]+", " ", re.sub(r"\d+", "0", sentence.lower())).strip()


def selection_reasons(sentence: str) -> list[str]:
    """Which keyword strata a sentence qualifies for (a sentence can qualify for several)."""
    negative = bool(NEGATIVE_CUE.search(sentence))
    reasons = []
    if negative and ATTRIBUTION_CUE.search(sentence):
        reasons.append("attribution")
    if negative:
        reasons.append("negative_outcome")
    if CLAIM_CUE.search(sentence):
        reasons.append("claim")
    return reasons


def _draw(candidates: list[dict], quotas: dict[str, int], rng: random.Random) -> list[dict]:
    """Random share first (from everything), then each keyword stratum from what is left."""
    chosen: list[dict] = []
    remaining = list(candidates)
    rng.shuffle(remaining)
    for reason in ("random", "attribution", "negative_outcome", "claim"):
        eligible = [c for c in remaining if reason == "random" or reason in selection_reasons(c["_text"])]
        picked = eligible[: quotas[reason]]
        picked_ids = {id(c) for c in picked}
        chosen.extend({**c, "selected_by": reason} for c in picked)
        remaining = [c for c in remaining if id(c) not in picked_ids]
    return chosen


def build_pool(datasets_dir: Path, seed: int = SEED) -> list[dict]:
    """The sentence pool, reproducibly: same datasets + same seed -> same pool, same order, same ids."""
    datasets_dir = Path(datasets_dir)
    rng = random.Random(seed)
    seen: set[str] = set()
    chosen: list[dict] = []
    for dataset, candidates in ((SEC, _sec_candidates(datasets_dir)), (AIW, _aiw_candidates(datasets_dir))):
        unique = []
        for candidate in candidates:
            key = _dedupe_key(candidate["_text"])
            if key not in seen:
                seen.add(key)
                unique.append(candidate)
        chosen.extend(_draw(unique, QUOTAS[dataset], rng))
    rng.shuffle(chosen)  # labellers must not see the strata in sequence
    pool = []
    for number, candidate in enumerate(chosen, start=1):
        text = candidate.pop("_text")
        locator = {k: candidate[k] for k in ("start", "end", "row", "column") if k in candidate}
        pool.append({
            "id": f"p{number:04d}", "dataset": candidate["dataset"], "file": candidate["file"], **locator,
            "sha256": sha256_text(text), "document": candidate["document"], "selected_by": candidate["selected_by"],
        })
    return pool


# ---------------------------------------------------------------- reading references back


class SentenceReader:
    """Resolves pool references to text, caching each dataset file once."""

    def __init__(self, datasets_dir: Path):
        self.datasets_dir = Path(datasets_dir)
        self._texts: dict[Path, str] = {}
        self._columns: dict[tuple[Path, str], list[str]] = {}

    def text(self, ref: dict) -> str:
        path = self.datasets_dir / ref["dataset"] / ref["file"]
        if not path.is_file():
            raise CorpusIntegrityError(f"{ref['id']}: {path} is missing (is --datasets / SPINLINT_DATASETS right?)")
        if "row" in ref:
            key = (path, ref["column"])
            if key not in self._columns:
                self._columns[key] = _read_csv_column(path, ref["column"])
            rows = self._columns[key]
            if not 0 <= ref["row"] < len(rows):
                raise CorpusIntegrityError(f"{ref['id']}: row {ref['row']} not in {path}")
            return rows[ref["row"]]
        if path not in self._texts:
            self._texts[path] = _read_text(path)
        return self._texts[path][ref["start"]:ref["end"]]

    def verified_text(self, ref: dict) -> str:
        text = self.text(ref)
        if sha256_text(text) != ref["sha256"]:
            where = f"row {ref['row']}" if "row" in ref else f"chars {ref['start']}:{ref['end']}"
            raise CorpusIntegrityError(
                f"{ref['id']}: sha256 mismatch for {ref['dataset']}/{ref['file']} {where}: the dataset file changed "
                f"since the pool was built; labels cannot be trusted (rebuild the pool and relabel, or restore the data)"
            )
        return text


# ---------------------------------------------------------------- splits and blind subset


def test_ids_hash(test_ids: Iterable[str]) -> str:
    return sha256_text("\n".join(sorted(test_ids)))


def make_splits(pool: Sequence[dict], seed: int = SEED, test_share: float = TEST_SHARE) -> dict:
    """Whole documents (filers) go to test until it holds about ``test_share`` of the sentences.

    Depends only on the pool, never on labels, so it can be frozen before labelling.
    """
    sizes: dict[str, int] = {}
    for ref in pool:
        sizes[ref["document"]] = sizes.get(ref["document"], 0) + 1
    documents = sorted(sizes)
    random.Random(seed).shuffle(documents)
    target, test_docs, in_test = test_share * len(pool), [], 0
    for document in documents:
        if in_test >= target:
            break
        if in_test + sizes[document] <= target * 1.1:  # skip a group that would overshoot; try the next
            test_docs.append(document)
            in_test += sizes[document]
    test_set = set(test_docs)
    return {
        "seed": seed,
        "method": (
            f"group split by 'document' (filer; the ai-washing CSV is one group): documents shuffled with "
            f"random.Random(seed), added to test in that order unless a group would push test past 110% of "
            f"{test_share:.0%} of the pool, stopping once test reaches {test_share:.0%}. Label-independent; frozen "
            f"before labelling and before any model tuning. Synthetic sentences are always train."
        ),
        "test_documents": sorted(test_set),
        "train_documents": sorted(set(documents) - test_set),
        "n_test": in_test,
        "n_train": len(pool) - in_test,
        "test_ids_sha256": test_ids_hash(ref["id"] for ref in pool if ref["document"] in test_set),
    }


def choose_blind_subset(pool: Sequence[dict], seed: int = SEED) -> list[str]:
    rng = random.Random(seed + 1)
    chosen: list[str] = []
    for reason, count in BLIND_STRATA.items():
        ids = [ref["id"] for ref in pool if ref["selected_by"] == reason]
        chosen.extend(rng.sample(ids, min(count, len(ids))))
    return sorted(chosen)


# ---------------------------------------------------------------- loading the labelled corpus


def load_pool(corpora_dir: Path = CORPORA) -> list[dict]:
    return read_jsonl(Path(corpora_dir) / "pool.jsonl")


def load_splits(corpora_dir: Path = CORPORA) -> dict:
    return json.loads((Path(corpora_dir) / "splits.json").read_text(encoding="utf-8"))


def load_blind_ids(corpora_dir: Path = CORPORA) -> list[str]:
    text = (Path(corpora_dir) / "labels" / "blind-subset.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def load_labels(pass_name: str = "pass1", corpora_dir: Path = CORPORA) -> dict[str, dict]:
    rows = read_jsonl(Path(corpora_dir) / "labels" / f"{pass_name}.jsonl")
    for row in rows:
        for label in LABELS:
            if row.get(label) not in (0, 1):
                raise CorpusIntegrityError(f"{pass_name} {row.get('id')}: {label} must be 0 or 1")
    return {row["id"]: row for row in rows}


def load_labelled(
    datasets_dir: Path,
    pass_name: str = "pass1",
    corpora_dir: Path = CORPORA,
    include_synthetic: bool = True,
) -> list[LabelledSentence]:
    """Labelled pool sentences (text re-read and hash-checked), then synthetic train-only sentences."""
    corpora_dir = Path(corpora_dir)
    splits = load_splits(corpora_dir)
    test_documents = set(splits["test_documents"])
    pool = load_pool(corpora_dir)
    test_ids = [ref["id"] for ref in pool if ref["document"] in test_documents]
    if test_ids_hash(test_ids) != splits["test_ids_sha256"]:
        raise CorpusIntegrityError("corpora/splits.json: test_ids_sha256 does not match the pool; the test split moved")
    labels = load_labels(pass_name, corpora_dir)
    reader = SentenceReader(datasets_dir)
    sentences = [
        LabelledSentence(
            id=ref["id"], text=reader.verified_text(ref), document=ref["document"], dataset=ref["dataset"],
            **{label: int(labels[ref["id"]][label]) for label in LABELS},
            split="test" if ref["document"] in test_documents else "train", synthetic=False,
        )
        for ref in pool
        if ref["id"] in labels
    ]
    synthetic_path = corpora_dir / "synthetic.jsonl"
    if include_synthetic and synthetic_path.is_file():
        sentences.extend(
            LabelledSentence(
                id=row["id"], text=row["text"], document="synthetic", dataset="synthetic",
                **{label: int(row[label]) for label in LABELS}, split="train", synthetic=True,
            )
            for row in read_jsonl(synthetic_path)
        )
    return sentences


# ---------------------------------------------------------------- agreement


def cohen_kappa(a: Sequence[int], b: Sequence[int]) -> float:
    """Cohen's kappa for two raters over the same items (any hashable categories)."""
    if len(a) != len(b) or not a:
        raise ValueError("cohen_kappa needs two equally long, non-empty label sequences")
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    categories = set(a) | set(b)
    expected = sum((list(a).count(c) / n) * (list(b).count(c) / n) for c in categories)
    if expected == 1.0:  # both raters used one category only: agreement is total but uninformative
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def agreement(datasets_dir: Path, corpora_dir: Path = CORPORA, blind_pass: str = "pass2-blind") -> dict:
    """Compare pass 1 with the blind pass on the blind subset; write corpora/agreement.json."""
    corpora_dir = Path(corpora_dir)
    blind_path = corpora_dir / "labels" / f"{blind_pass}.jsonl"
    if not blind_path.is_file():
        raise FileNotFoundError(f"{blind_path} does not exist yet: the blind pass has not been delivered")
    ids = load_blind_ids(corpora_dir)
    first, second = load_labels("pass1", corpora_dir), load_labels(blind_pass, corpora_dir)
    missing = [i for i in ids if i not in first or i not in second]
    if missing:
        raise CorpusIntegrityError(f"blind subset ids without labels in both passes: {missing[:10]}")
    pool = {ref["id"]: ref for ref in load_pool(corpora_dir)}
    reader = SentenceReader(datasets_dir)
    for i in ids:  # agreement is only meaningful on the text both labellers saw
        reader.verified_text(pool[i])
    result = {"n": len(ids), "passes": ["pass1", blind_pass], "labels": {}}
    for label in LABELS:
        a = [int(first[i][label]) for i in ids]
        b = [int(second[i][label]) for i in ids]
        result["labels"][label] = {
            "kappa": round(cohen_kappa(a, b), 4),
            "percent_agreement": round(sum(x == y for x, y in zip(a, b)) / len(ids), 4),
            "positives_pass1": sum(a),
            "positives_blind": sum(b),
        }
    target = corpora_dir / "agreement.json"
    if target.is_file():  # the passage corpora's agreement lives in the same file (spinlint.model.passages)
        previous = json.loads(target.read_text(encoding="utf-8"))
        result.update({key: value for key, value in previous.items() if key == "passages"})
    target.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


# ---------------------------------------------------------------- CLI


def _cmd_pool(datasets_dir: Path, corpora_dir: Path) -> int:
    """Build the pool; write it, the splits and the blind subset only if absent (they are frozen)."""
    pool = build_pool(datasets_dir)
    pool_path = corpora_dir / "pool.jsonl"
    if pool_path.is_file():
        same = load_pool(corpora_dir) == pool
        print(f"{pool_path} exists; rebuilt pool is {'identical' if same else 'DIFFERENT'} ({len(pool)} sentences)")
        return 0 if same else 1
    write_jsonl(pool_path, pool)
    splits_path = corpora_dir / "splits.json"
    if not splits_path.is_file():
        splits_path.write_text(json.dumps(make_splits(pool), indent=2) + "\n", encoding="utf-8")
    blind_path = corpora_dir / "labels" / "blind-subset.txt"
    if not blind_path.is_file():
        blind_path.parent.mkdir(parents=True, exist_ok=True)
        blind_path.write_text("\n".join(choose_blind_subset(pool)) + "\n", encoding="utf-8")
    print(f"wrote {len(pool)} sentences to {pool_path}")
    return 0


def _cmd_export_blind(datasets_dir: Path, corpora_dir: Path) -> int:
    pool = {ref["id"]: ref for ref in load_pool(corpora_dir)}
    reader = SentenceReader(datasets_dir)
    for sentence_id in load_blind_ids(corpora_dir):
        print(json.dumps({"id": sentence_id, "text": reader.verified_text(pool[sentence_id])}, ensure_ascii=False))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spinlint.model.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("pool", "export-blind", "agreement"))
    parser.add_argument("--datasets", type=Path, default=None, help="datasets folder (default ../shared/datasets)")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="corpora folder (default: the repo's)")
    args = parser.parse_args(argv)
    datasets_dir = args.datasets or default_datasets_dir()
    try:
        if args.command == "pool":
            return _cmd_pool(datasets_dir, args.corpora)
        if args.command == "export-blind":
            return _cmd_export_blind(datasets_dir, args.corpora)
        print(json.dumps(agreement(datasets_dir, args.corpora), indent=2))
        return 0
    except (CorpusIntegrityError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
