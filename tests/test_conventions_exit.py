"""Exit codes and inputs CI relies on (issue 15): internal errors, stdin, nothing to lint, output files,
scan logs and Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli_runs import SPIN, invoke
from spinlint.lint import Linter




@pytest.fixture
def restore_sigint():
    """The CLI ignores a second Ctrl-C while it exits; give the test process its handler back."""
    previous = signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGINT, previous)


# -- internal errors ---------------------------------------------------------------------------------

def test_a_deeply_nested_config_is_one_line_naming_the_config(tmp_path, memo):
    (tmp_path / "spinlint.toml").write_text("ignore = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = invoke("check", str(memo))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert "spinlint.toml" in result.stderr and "nested too deeply" in result.stderr


@pytest.fixture
def crashing_linter(monkeypatch):
    def crash(self, source, settings):
        raise ZeroDivisionError("the scorer divided by zero")

    monkeypatch.setattr(Linter, "lint", crash)


def test_an_unexpected_error_is_one_line_naming_the_file_and_exit_2(memo, crashing_linter, monkeypatch):
    monkeypatch.delenv("SPINLINT_DEBUG", raising=False)
    result = invoke("check", str(memo))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(memo) in lines[0] and "ZeroDivisionError" in lines[0] and "divided by zero" in lines[0]
    assert "--debug" in lines[0]


@pytest.mark.parametrize("how", ["--debug after check", "--debug before check", "SPINLINT_DEBUG=1"])
def test_debug_shows_the_traceback(memo, crashing_linter, how):
    if how == "SPINLINT_DEBUG=1":
        result = invoke("check", str(memo), env={"SPINLINT_DEBUG": "1"})
    elif how == "--debug before check":
        result = invoke("--debug", "check", str(memo))
    else:
        result = invoke("check", "--debug", str(memo))
    assert result.exit_code == 2
    assert "Traceback (most recent call last)" in result.stderr and "def crash" not in result.stderr
    assert "ZeroDivisionError: the scorer divided by zero" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("spinlint: error: ")


def test_ctrl_c_in_check_is_exit_130_with_one_line(memo, monkeypatch, restore_sigint):
    def interrupted(self, source, settings):
        raise KeyboardInterrupt

    monkeypatch.setattr(Linter, "lint", interrupted)
    result = invoke("check", str(memo))
    assert result.exit_code == 130
    assert result.stderr.strip().splitlines() == ["spinlint: interrupted"]


@pytest.mark.slow
def _sigint_as_from_a_terminal():
    # A test run started in the background (nohup, `cmd &` without job control) ignores SIGINT, and a child
    # inherits that: the scan would then rightly leave Ctrl-C alone and finish with 0. A terminal's foreground
    # job has the default action, which is what this test is about.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_during_a_parallel_scan_is_one_line_whenever_it_lands(tmp_path):
    """SIGINT to the whole process group (what the terminal sends), at several moments of worker start-up."""
    if os.name != "posix":
        pytest.skip("process groups and SIGINT are POSIX")
    archive = tmp_path / "archive"
    archive.mkdir()
    # Enough work that even a fast idle machine is still scanning at the last delay (about 15 s of linting).
    body = "".join(f"Mistakes were made in step {step}, and the review was delayed again.\n" for step in range(60))
    for number in range(1500):
        (archive / f"note-{number}.md").write_text(f"Round {number}.\n\n{body}", encoding="utf-8")
    for delay in (0.4, 1.2, 2.5):
        out = tmp_path / f"results-{delay}.jsonl"
        process = subprocess.Popen([sys.executable, "-m", "spinlint", "scan", str(archive), "-o", str(out),
                                    "-j", "2", "--ignore", "M"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   start_new_session=True, text=True, preexec_fn=_sigint_as_from_a_terminal)
        time.sleep(delay)
        assert process.poll() is None, (delay, "the scan ended before the interrupt: give it more work")
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 130, (delay, stderr[-3000:])
        lines = stderr.strip().splitlines()
        # before the workers start (still listing files) the line has no --resume hint
        assert len(lines) == 1 and lines[0].startswith("spinlint: interrupted"), (delay, stderr[-3000:])


# -- inputs ------------------------------------------------------------------------------------------

def test_stdin_filename_alone_reads_stdin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # an empty folder: linting it instead of stdin would pass
    result = invoke("check", "--ignore", "M", "--format", "json", "--stdin-filename", "memo.md", input=SPIN)
    assert result.exit_code == 1, result.output
    files = json.loads(result.stdout)["files"]
    assert [file["path"] for file in files] == ["memo.md"] and files[0]["findings"]


def test_stdin_filename_with_paths_but_no_dash_is_a_usage_error(memo):
    result = invoke("check", "--stdin-filename", "draft.md", str(memo), input=SPIN)
    assert result.exit_code == 2 and "--stdin-filename" in result.stderr


def test_nothing_lintable_is_a_warning_on_stderr(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "data.csv").write_text("a,b\n", encoding="utf-8")
    result = invoke("check", str(tmp_path / "notes"))
    assert result.exit_code == 0
    assert "warning: no files to lint in" in result.stderr and "notes" in result.stderr
    assert ".md" in result.stderr


def test_no_warning_when_something_was_linted(memo):
    result = invoke("check", "--ignore", "M", str(memo.parent))
    assert "no files to lint" not in result.stderr


def test_exit_zero_keeps_findings_but_exits_0(memo, tmp_path):
    result = invoke("check", "--ignore", "M", "--exit-zero", str(memo))
    assert result.exit_code == 0 and "B004" in result.stdout
    missing = invoke("check", "--exit-zero", str(tmp_path / "missing.md"))
    assert missing.exit_code == 2  # errors are not findings


# -- output files ------------------------------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_output_files_respect_the_umask(memo, tmp_path, umask, mode):
    previous = os.umask(umask)
    try:
        out = tmp_path / f"report-{mode:o}.json"
        invoke("check", "--ignore", "M", "--format", "json", "-o", str(out), str(memo))
        baseline = tmp_path / f"baseline-{mode:o}.json"
        invoke("check", "--ignore", "M", "--write-baseline", str(baseline), str(memo))
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert stat.S_IMODE(baseline.stat().st_mode) == mode


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_an_existing_output_file_keeps_its_mode(memo, tmp_path):
    out = tmp_path / "report.json"
    out.write_text("{}", encoding="utf-8")
    out.chmod(0o640)
    invoke("check", "--ignore", "M", "--format", "json", "-o", str(out), str(memo))
    assert json.loads(out.read_text(encoding="utf-8"))["files"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


# -- scan logs ---------------------------------------------------------------------------------------

@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.md").write_text(SPIN, encoding="utf-8")
    return folder


def test_scan_refuses_to_replace_a_log_that_holds_results(archive, tmp_path):
    log = tmp_path / "results.jsonl"
    log.write_text('{"path": "earlier.md", "sha256": "00"}\n', encoding="utf-8")
    result = invoke("scan", str(archive), "-o", str(log), "-j", "1", "--ignore", "M")
    assert result.exit_code == 2
    assert "--resume" in result.stderr and "--force" in result.stderr
    assert log.read_text(encoding="utf-8") == '{"path": "earlier.md", "sha256": "00"}\n'


def test_scan_force_replaces_and_resume_appends(archive, tmp_path):
    log = tmp_path / "results.jsonl"
    log.write_text('{"path": "earlier.md", "sha256": "00"}\n', encoding="utf-8")
    resumed = invoke("scan", str(archive), "-o", str(log), "-j", "1", "--ignore", "M", "--resume")
    assert resumed.exit_code == 0
    assert [json.loads(line)["path"] for line in log.read_text(encoding="utf-8").splitlines()] == \
        ["earlier.md", str(archive / "a.md")]
    forced = invoke("scan", str(archive), "-o", str(log), "-j", "1", "--ignore", "M", "--force")
    assert forced.exit_code == 0
    assert [json.loads(line)["path"] for line in log.read_text(encoding="utf-8").splitlines()] == \
        [str(archive / "a.md")]
    both = invoke("scan", str(archive), "-o", str(log), "--resume", "--force")
    assert both.exit_code == 2


def test_scan_writes_a_new_or_empty_log_without_flags(archive, tmp_path):
    log = tmp_path / "results.jsonl"
    log.touch()
    assert invoke("scan", str(archive), "-o", str(log), "-j", "1", "--ignore", "M").exit_code == 0
    assert len(log.read_text(encoding="utf-8").splitlines()) == 1


def test_scan_help_no_longer_promises_appending():
    text = invoke("scan", "--help").stdout
    assert "appended" not in text and "--force" in text


def test_a_bug_set_off_by_one_scanned_document_names_it_and_the_scan_goes_on(tmp_path, monkeypatch):
    from spinlint.lint import Linter

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "good.md").write_text(SPIN, encoding="utf-8")
    (archive / "trigger.md").write_text(SPIN, encoding="utf-8")
    real_lint = Linter.lint

    def lint(self, source, settings):
        if source.path.endswith("trigger.md"):
            raise ZeroDivisionError("a bug")
        return real_lint(self, source, settings)

    monkeypatch.setattr(Linter, "lint", lint)  # --jobs 1 lints in this process
    out = tmp_path / "results.jsonl"
    result = invoke("scan", "--jobs", "1", "--ignore", "M", "-o", str(out), str(archive))
    assert result.exit_code == 0, result.output
    records = {Path(record["path"]).name: record for record in map(json.loads, out.read_text().splitlines())}
    assert "error" not in records["good.md"]
    assert "trigger.md" in records["trigger.md"]["error"] and "ZeroDivisionError: a bug" in records["trigger.md"]["error"]


@pytest.mark.parametrize("wording", [
    "2 tasks which were still being processed by the workers have been cancelled.",
    "3 tasks have been successfully executed  but not used.",
])
def test_stopping_a_scan_early_hides_both_of_joblibs_cancellation_warnings(wording):
    # Ctrl-C can land while tasks run or just after the last one finished: joblib words the two differently
    import warnings

    from spinlint.scan.archive import _stop

    class Records:
        def close(self):
            warnings.warn(wording + " You could benefit from adjusting the input task iterator to limit "
                          "unnecessary computation time.")

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _stop(Records())
    assert caught == []
