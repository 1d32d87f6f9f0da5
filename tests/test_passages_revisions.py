"""Guideline relabels of `blame` (Version 3 on real passages, Version 4 on written ones): two blind passes, the adjudicator where they differ."""

import json

import pytest

from spinlint.model.corpus import CorpusIntegrityError
from spinlint.model.passages import BLAME_V3, BLAME_V4, blame_relabel_agreement, revised_blame


def _write(folder, name, rows):
    (folder / "labels").mkdir(exist_ok=True)
    (folder / "labels" / name).write_text("".join(json.dumps(row) + "\n" for row in rows))


def test_agreeing_rows_keep_their_value_and_disagreements_take_the_adjudicated_one(tmp_path):
    _write(tmp_path, BLAME_V3[0], [{"id": "rp1.1", "blame": 1}, {"id": "rp1.2", "blame": 0}, {"id": "rp1", "blame": 1}])
    _write(tmp_path, BLAME_V3[1], [{"id": "rp1.1", "blame": 1}, {"id": "rp1.2", "blame": 1}, {"id": "rp1", "blame": 1}])
    _write(tmp_path, BLAME_V3[2], [{"id": "rp1.2", "blame": 0}])
    assert revised_blame(tmp_path) == {"rp1.1": 1, "rp1.2": 0, "rp1": 1}
    agreement = blame_relabel_agreement(tmp_path)
    assert agreement["sentences"]["blame"]["disagreements"] == ["rp1.2"]
    assert agreement["passages"]["n"] == 1


def test_an_unadjudicated_disagreement_stops_training(tmp_path):
    _write(tmp_path, BLAME_V3[0], [{"id": "rp1.1", "blame": 1}])
    _write(tmp_path, BLAME_V3[1], [{"id": "rp1.1", "blame": 0}])
    with pytest.raises(CorpusIntegrityError, match="rp1.1"):
        revised_blame(tmp_path)


def test_no_relabel_yet_changes_nothing(tmp_path):
    assert revised_blame(tmp_path) == {}


def test_the_version_4_relabel_revises_written_blame_only(tmp_path):
    _write(tmp_path, BLAME_V4[0], [{"id": "w1-0001.1", "blame": 1}, {"id": "w1-0001", "blame": 1}])
    _write(tmp_path, BLAME_V4[1], [{"id": "w1-0001.1", "blame": 0}, {"id": "w1-0001", "blame": 1}])
    _write(tmp_path, BLAME_V4[2], [{"id": "w1-0001.1", "blame": 1}])
    assert revised_blame(tmp_path, BLAME_V4) == {"w1-0001.1": 1, "w1-0001": 1}
    assert revised_blame(tmp_path) == {}  # the Version 3 files are separate
