"""With the network blocked, spinlint still splits sentences and computes readability (no downloads)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

_BLOCKED = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("network blocked by test_offline")
class BlockedSocket(socket.socket):
    connect = connect_ex = sendto = refuse
socket.socket = BlockedSocket
socket.create_connection = refuse
socket.getaddrinfo = refuse
import spinlint
text = open(sys.argv[1], encoding="utf-8").read()
report = spinlint.analyze(text, filename=sys.argv[1])
file = report.files[0]
assert file.sentences > 5, file.sentences
assert file.readability["flesch_kincaid_grade"] > 0
assert "nltk.downloader" not in sys.modules
# the word vectors and the document model load from the artefact in models/ (no hub, no download)
from spinlint.model.loading import load_model
model = load_model(None)
assert model.meaning is not None and model.meaning.dimensions > 0
assert model.document_model is not None
assert 0.0 <= file.scores["spin"] <= 100.0
print(file.sentences, file.readability["words"])
"""


def test_analyze_works_with_the_network_blocked(tmp_path):
    result = subprocess.run([sys.executable, "-c", _BLOCKED, str(EXAMPLES / "vendor-press-release.md")],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    sentences, words = map(int, result.stdout.split())
    assert sentences > 5 and words > 100
