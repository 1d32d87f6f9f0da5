"""Build the benchmark corpus: a 2 KB memo, 100 press releases of ~3 KB, and an archive of ~3 KB files.

The text is generated, never committed: paragraphs of English prose come from
what any Debian + Python machine has (package documentation under
/usr/share/doc, docstrings of the Python standard library) plus the 10-K
MD&A sections in ../shared/datasets/sec-10k-mdna-unlabelled, and are drawn
with a fixed seed, so two runs on the same machine build the same files.

    python benchmarks/build_corpus.py [--out /tmp/spinlint-bench/corpus] [--archive-mb 52]
"""

from __future__ import annotations

import argparse
import ast
import gzip
import random
import re
import sys
import sysconfig
from pathlib import Path

SEED = 20261129
DEFAULT_OUT = Path("/tmp/spinlint-bench/corpus")
DATASET = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "sec-10k-mdna-unlabelled"
DOC_SUFFIXES = (".txt", ".md", ".rst", ".gz", ".Debian", ".markdown")
_WORD = re.compile(r"[A-Za-z]+")


def looks_like_prose(paragraph: str) -> bool:
    """Sentences of ordinary words, not code, tables, licences in capitals or change logs."""
    if not 120 <= len(paragraph) <= 1800 or "---" in paragraph or "bpo-" in paragraph:
        return False
    words = _WORD.findall(paragraph)
    if len(words) < 20:
        return False
    letters = sum(len(word) for word in words)
    if letters / len(paragraph) < 0.7 or sum(word.isupper() for word in words) > len(words) / 5:
        return False
    return paragraph.rstrip().endswith((".", "?", "!")) and paragraph.count(". ") >= 1


def paragraphs_of(text: str) -> list[str]:
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]


def debian_docs() -> list[str]:
    found = []
    for path in sorted(Path("/usr/share/doc").rglob("*")):
        if not path.is_file() or not path.name.endswith(DOC_SUFFIXES) or "changelog" in path.name.lower():
            continue
        try:
            raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile):
            continue
        found.extend(p for p in paragraphs_of(text) if looks_like_prose(p))
    return found


def python_docstrings() -> list[str]:
    found = []
    for path in sorted(Path(sysconfig.get_paths()["stdlib"]).rglob("*.py")):
        if "test" in path.parts or "idle_test" in path.parts:
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError, OSError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node)
                if doc:
                    found.extend(p for p in paragraphs_of(doc) if looks_like_prose(p))
    return found


def annual_reports(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        # The extraction glues sections together; lines are paragraphs.
        found.extend(p for p in (" ".join(line.split()) for line in text.splitlines()) if looks_like_prose(p))
    return found


def compose(pool: list[str], rng: random.Random, size: int) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        paragraph = rng.choice(pool)
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts) + "\n"


def build(out: Path, archive_mb: float, dataset: Path) -> dict:
    pool = debian_docs() + python_docstrings()
    if dataset.is_dir():
        pool += annual_reports(dataset)
    else:
        print(f"warning: {dataset} is missing; the corpus has no 10-K prose", file=sys.stderr)
    pool = sorted(set(pool))
    rng = random.Random(SEED)
    out.mkdir(parents=True, exist_ok=True)
    (out / "memo.txt").write_text(compose(pool, rng, 2000), encoding="utf-8")
    releases = out / "releases"
    releases.mkdir(exist_ok=True)
    for n in range(100):
        (releases / f"release-{n:03d}.txt").write_text(compose(pool, rng, 3000), encoding="utf-8")
    archive = out / "archive"
    archive.mkdir(exist_ok=True)
    written, n = 0, 0
    while written < archive_mb * 1e6:
        # Shards of 1,000 files keep folders small; the first five shards are the ~5 MB slice.
        path = archive / f"shard-{n // 1000:03d}" / f"doc-{n:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        text = compose(pool, rng, rng.randint(2500, 3500))
        path.write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        n += 1
    return {"paragraphs": len(pool), "archive_files": n, "archive_mb": round(written / 1e6, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--archive-mb", type=float, default=52.0)
    parser.add_argument("--dataset", type=Path, default=DATASET)
    args = parser.parse_args()
    print(build(args.out, args.archive_mb, args.dataset))


if __name__ == "__main__":
    main()
