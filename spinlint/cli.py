"""The command line. Only this module prints or exits.

Imports are kept light at module level: heavy work (the model, scikit-learn
for training) loads inside the commands that need it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .formats import FORMATS, REGISTRY

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def _split_codes(values: tuple[str, ...]) -> tuple[str, ...] | None:
    if not values:
        return None
    codes = []
    for value in values:
        codes.extend(code.strip().upper() if code.strip().upper() != "ALL" else "ALL"
                     for code in value.split(",") if code.strip())
    return tuple(codes)


def _fail(message: str) -> None:
    click.echo(f"spinlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _print(text: str, **options) -> None:
    """Write to standard output; a write that fails (a full disk behind ``> file``, EIO) is one line, exit 2.

    The unwritten rest is sent to the null device, so Python does not fail again, with a traceback-like
    "Exception ignored" message, when it flushes standard output at exit."""
    try:
        click.echo(text, **options)
        sys.stdout.flush()
    except OSError as error:
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):  # no real file descriptor (a test runner's buffer)
            pass
        _fail(f"standard output: cannot write ({error.strerror or error})")


def _debugging(ctx: click.Context) -> bool:
    return bool(ctx.meta.get("spinlint.debug")) or os.environ.get("SPINLINT_DEBUG", "") not in ("", "0")


def _set_debug(ctx: click.Context, _param, value: bool) -> None:
    if value:
        ctx.meta["spinlint.debug"] = True  # meta is shared by the group and its subcommands


debug_option = click.option("--debug", is_flag=True, expose_value=False, is_eager=True, callback=_set_debug,
                            help="On an internal error, show the traceback (also: SPINLINT_DEBUG=1).")


def _internal_error(ctx: click.Context, error: Exception) -> None:
    """A bug, not the user's mistake: one line (ruff's convention, exit 2), the traceback only on request."""
    from .scan.runner import LintCrash

    cause = error.__cause__ if isinstance(error, LintCrash) and error.__cause__ else error
    if _debugging(ctx):
        import traceback

        traceback.print_exception(cause)
    where = f"{error.path}: " if isinstance(error, LintCrash) else ""
    detail = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
    hint = "" if _debugging(ctx) else "; rerun with --debug for the traceback"
    _fail(f"{where}internal error: {type(cause).__name__}{': ' + detail if detail else ''}{hint}")


def _interrupted(message: str) -> None:
    """Ctrl-C: one line and exit 130, whatever was running."""
    import signal

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while exiting must not print a traceback
    except ValueError:  # not the main thread
        pass
    click.echo(("\n" if sys.stderr.isatty() else "") + message, err=True)  # after the terminal's "^C"
    sys.exit(EXIT_INTERRUPTED)


class LazyGroup(click.Group):
    """Subcommands that import heavy modules are loaded only when invoked; errors no command
    expected end the run with one line."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click's own usage errors and exits (Exit and Abort are RuntimeErrors)
        except KeyboardInterrupt:
            _interrupted("spinlint: interrupted")
        except Exception as error:  # noqa: BLE001 - the last line of defence
            _internal_error(ctx, error)

    lazy = {
        "model": ("spinlint.model.cli", "model_group"),
    }

    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx, name):
        if name in self.lazy:
            from importlib import import_module

            module_name, attribute = self.lazy[name]
            try:
                return getattr(import_module(module_name), attribute)
            except ImportError as error:
                _fail(f"the '{name}' command is unavailable: {error}")
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="spinlint")
@debug_option
@click.pass_context
def main(ctx: click.Context) -> None:
    """Lint corporate communication for vague corporate-speak, blame-shifting
    framing, claims without evidence, and readability."""
    # Linting runs the model as a few small dot products per document: a BLAS thread pool only
    # costs start-up CPU, and oversubscribes the cores when scan workers each start one.
    # Training is left alone: the shipped artefact was built with the default pool.
    if ctx.invoked_subcommand != "model":
        for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(variable, "1")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--format", "--output-format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True,
              help="Output format: " + "; ".join(f"{f.name}: {f.summary}" for f in REGISTRY.values()) + ".")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the report to this file instead of stdout.")
@click.option("--select", multiple=True, help="Only these codes or prefixes (comma-separated), e.g. V,B001.")
@click.option("--extend-select", multiple=True, help="Add codes or prefixes to the selection (e.g. preview rules).")
@click.option("--ignore", multiple=True, help="Skip these codes or prefixes, e.g. --ignore M (no model).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Lowest severity that makes the exit status 1 [default: warning].")
@click.option("--max-spin", type=click.FloatRange(0, 100), help="Also fail when a file's spin score exceeds this.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit 2).")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Use this config file for every path instead of discovering one.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--include", multiple=True, help="Glob of files to lint inside folders (repeatable).")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip (repeatable).")
@click.option("--stdin-filename", help="Read standard input (as with '-') and show it, and find its config, "
                                       "under this name.")
@click.option("--encoding", help="Decode files with this encoding (e.g. cp1252) instead of detecting UTF-8/16.")
@click.option("--max-bytes", type=click.IntRange(1), default=10_000_000, show_default=True,
              help="Refuse files larger than this.")
@click.option("--model", "model_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Use this model artefact (its card <name>.json must sit beside it).")
@click.option("--color", "--colour", "colour_choice", type=click.Choice(["auto", "always", "never"]),
              default="auto", show_default=True,
              help="Colour in text output; auto: when stdout is a terminal, unless NO_COLOR is set or FORCE_COLOR is.")
@click.option("--no-color", is_flag=True, help="Same as --color never.")
@click.option("--no-questions", is_flag=True, help="Text output: leave out the question to ask.")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary lines, no warnings.")
@click.option("--silent", "-s", is_flag=True, help="Print nothing (errors aside); the exit status still tells.")
@click.option("--statistics", is_flag=True, help="Print how many findings each code has instead of the findings.")
@click.option("--show-files", is_flag=True, help="List the files that would be linted, and lint nothing.")
@click.option("--show-settings", is_flag=True,
              help="Show the settings (config file, rules, options) the first file is linted with, and lint nothing.")
@click.option("--baseline", "baseline_path", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Report and fail only on findings not recorded in this baseline (docs/baseline.md).")
@click.option("--write-baseline", type=click.Path(path_type=Path, dir_okay=False),
              help="Record the current findings in this baseline file and exit 0 (docs/baseline.md).")
@click.option("--follow-symlinks", is_flag=True,
              help="In folders, also read file symlinks that point outside the folder (skipped with a warning).")
@debug_option
def check(paths, output_format, output, select, extend_select, ignore, fail_on, max_spin, exit_zero, config_path,
          isolated, include, exclude, stdin_filename, encoding, max_bytes, model_path, colour_choice, no_color,
          no_questions, quiet, silent, statistics, show_files, show_settings, baseline_path, write_baseline,
          follow_symlinks):
    """Lint files, folders, or '-' for standard input."""
    from .config import ConfigError, ConfigFinder, check_selectors, settings_text, with_overrides
    from .model.loading import ModelLoadError
    from .rules.ruleset import RuleError
    from .scan.runner import files_to_lint, lint_paths, stdin_config_path
    from .sources import DEFAULT_EXTENSIONS, InputError, display_path, escaped_name

    if stdin_filename and not paths:
        paths = ("-",)  # as ruff does: a name for stdin means "read stdin"
    elif stdin_filename and "-" not in map(str, paths):
        _fail("--stdin-filename names standard input: give '-' or no path with it")
    if statistics and output_format not in ("text", "json"):
        _fail("--statistics prints text or JSON: use it with --format text or --format json")
    quiet = quiet or silent

    def warn(message: str) -> None:
        if not quiet:
            click.echo(f"spinlint: warning: {message}", err=True)

    try:
        selects, ignores, extends = _split_codes(select), _split_codes(ignore), _split_codes(extend_select)
        for option, codes in (("--select", selects), ("--ignore", ignores), ("--extend-select", extends)):
            check_selectors(codes or (), option, "command line")
        finder = ConfigFinder(config_path, isolated=isolated, roots=[path for path in paths if str(path) != "-"])

        def settings_for(path: Path):
            settings = finder.for_path(path)
            return with_overrides(settings, select=selects, ignore=ignores,
                                  extend_select=(*settings.extend_select, *extends) if extends else None,
                                  fail_on=fail_on, max_spin=max_spin)

        targets = list(paths) or [Path(".")]
        if show_files or show_settings:
            found = files_to_lint(targets, settings_for, include=include, exclude=exclude,
                                  follow_symlinks=follow_symlinks)

            def shown(path: Path) -> str:
                return escaped_name(stdin_filename or "-") if str(path) == "-" else display_path(path)

            if show_files:
                _print("".join(f"{shown(path)}\n" for path in found), nl=False)
            elif found:
                settings = settings_for(stdin_config_path(stdin_filename) if str(found[0]) == "-" else found[0])
                _print(settings_text(settings, shown(found[0])), nl=False)
            if not found:
                warn(_nothing_to_lint(targets, DEFAULT_EXTENSIONS))
            sys.exit(EXIT_OK)

        linted: list[Path] = []  # real paths: --output and --write-baseline must never replace one
        report = lint_paths(targets, settings_for, include=include, exclude=exclude,
                            stdin_filename=stdin_filename, encoding=encoding, max_bytes=max_bytes,
                            model_path=model_path, keep_text=REGISTRY[output_format].needs_text,
                            warn=warn, linted=linted, follow_symlinks=follow_symlinks)
    except (ConfigError, RuleError, InputError, ModelLoadError) as error:
        _fail(str(error))
        return

    for problem in report.problems:
        if problem.fatal or not quiet:
            click.echo(f"spinlint: {'error' if problem.fatal else 'warning'}: {problem.message}", err=True)
    if not report.files and not report.problems:
        warn(_nothing_to_lint(targets, DEFAULT_EXTENSIONS))

    input_paths = [*(Path(p) for p in paths if str(p) != "-"), *linted]
    report = _apply_baselines(report, baseline_path, write_baseline, input_paths, quiet=quiet)

    from .formats import renderer

    colour = (output is None and output_format == "text" and not statistics
              and _colour_wanted("never" if no_color else colour_choice))
    if statistics:
        from .formats.statistics import render as render_statistics

        text = render_statistics(report, as_json=output_format == "json")
    else:
        text = renderer(output_format)(report, colour=colour, show_questions=not no_questions, summary=not quiet)
    if output is not None:
        from .scan.output import write_output

        try:
            write_output(output, text, input_paths)  # named paths and every file a folder walk linted
        except OSError as error:
            _fail(f"{output}: cannot write the report: {error.strerror or error}")
        except ValueError as error:
            _fail(str(error))
    elif not silent:
        _print(text, nl=False, color=colour or None)  # None: click strips escapes when not a terminal
    status = report.exit_code
    if status == EXIT_FINDINGS and (exit_zero or write_baseline is not None):
        status = EXIT_OK  # --exit-zero asks for it; recording a baseline accepts today's findings
    sys.exit(status)


def _colour_wanted(choice: str) -> bool:
    """--color always|never wins; for auto, NO_COLOR (no-color.org) then FORCE_COLOR (force-color.org) decide,
    and otherwise whether stdout is a terminal. Empty variables count as unset, as both conventions say."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _nothing_to_lint(targets: list[Path], extensions: tuple[str, ...]) -> str:
    where = ", ".join(str(target) for target in targets)
    return (f"no files to lint in {where} (spinlint reads {', '.join(extensions)}; "
            "--include, --exclude, .gitignore and config excludes apply; --show-files lists what it finds)")


def _apply_baselines(report, baseline_path, write_baseline, input_paths, *, quiet=False):
    """Write the baseline of all current findings, then drop those the given baseline records."""
    if write_baseline is None and baseline_path is None:
        return report  # the usual run: neither module is needed
    from .report.baseline import BaselineError, apply_baseline, baseline_text, load_baseline
    from .scan.output import write_output

    if write_baseline is not None:
        try:
            # every linted file counts as an input, not only the paths named on the command line
            linted = [*input_paths, *(Path(file.path) for file in report.files)]
            write_output(write_baseline, baseline_text(report, write_baseline), linted)
        except OSError as error:
            _fail(f"{write_baseline}: cannot write the baseline: {error.strerror or error}")
        except ValueError as error:
            _fail(str(error))
        count = sum(len(file.findings) for file in report.files)
        if not quiet:
            click.echo(f"spinlint: recorded {count} finding{'s' if count != 1 else ''} in {write_baseline}", err=True)
    if baseline_path is not None:
        try:
            report, suppressed = apply_baseline(report, load_baseline(baseline_path))
        except BaselineError as error:
            _fail(str(error))
        if not quiet:
            click.echo(f"spinlint: {suppressed} finding{'s' if suppressed != 1 else ''} suppressed by the baseline "
                       f"{baseline_path}", err=True)
    return report


@main.command("rules")
@click.option("--all", "show_all", is_flag=True, help="Include preview rules.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_command(show_all, output_format):
    """List the rules: code, name, category, default severity, kind and the guideline subtype it names."""
    from .rules.ruleset import builtin_rules

    rules = [rule for rule in builtin_rules() if show_all or rule.status == "stable"]
    if output_format == "json":
        import json

        _print(json.dumps([{"code": r.code, "name": r.name, "category": r.category, "kind": r.kind,
                            "severity": r.severity, "scope": r.scope, "status": r.status,
                            "subtype": r.subtype} for r in rules], indent=2))
        return
    _print(f"{'code':<6} {'name':<36} {'category':<12} {'severity':<8} {'kind':<12} subtype")
    for rule in rules:
        _print(f"{rule.code:<6} {rule.name:<36} {rule.category:<12} {rule.severity:<8} {rule.kind:<12} "
               f"{rule.subtype}")


@main.command()
@click.argument("code")
def explain(code):
    """Explain one rule: what it does, why it matters, an example, and the question to ask."""
    from .rules.ruledocs import render_rule_text
    from .rules.ruleset import rules_by_code

    rule = rules_by_code().get(code.upper())
    if rule is None:
        _fail(f"unknown rule code {code!r}; `spinlint rules` lists them")
    _print(render_rule_text(rule, _options_in_force(rule)))


def _holds_results(output: Path) -> bool:
    try:
        return output.stat().st_size > 0
    except OSError:
        return False


def _options_in_force(rule) -> dict[str, str]:
    """Each option of ``rule`` as it applies in this folder: the config's value (found from the cwd) or the
    default, and for a classifier's ``threshold = 0.0`` (meaning "the model's own") the model's number."""
    from .config import ConfigError, ConfigFinder
    from .model.loading import ModelLoadError, load_model

    try:
        settings = ConfigFinder().for_path(Path.cwd() / "-")
    except ConfigError as error:
        _fail(str(error))
    configured = settings.rule_options.get(rule.code, {})
    shown: dict[str, str] = {}
    for name, default in rule.options.items():
        value = configured.get(name, default)
        origin = f"  # from {settings.path}" if name in configured else ""
        if rule.kind == "classifier" and name == "threshold" and not value:
            label = rule.match["label"]
            try:
                value = load_model().thresholds[label]
                origin = f"  # the model's own threshold for {label} (0.0 in config means: use it)"
            except ModelLoadError as error:
                origin = f"  # 0.0 means the model's own threshold, which could not be read: {error}"
        shown[name] = f"{value!r}{origin}"
    return shown


@main.command("diff")
@click.argument("old", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("new", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--select", multiple=True, help="Only these codes or prefixes (comma-separated).")
@click.option("--extend-select", multiple=True, help="Add codes or prefixes to the selection.")
@click.option("--ignore", multiple=True, help="Skip these codes or prefixes.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Lowest severity of a new finding that makes the exit status 1 [default: warning].")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Use this config file instead of discovering one.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--encoding", help="Decode both drafts with this encoding instead of detecting UTF-8/16.")
@click.option("--model", "model_path", type=click.Path(path_type=Path, dir_okay=False))
@debug_option
def diff(old, new, output_format, select, extend_select, ignore, fail_on, config_path, isolated, encoding,
         model_path):
    """Compare two drafts: scores before -> after, findings fixed, introduced and remaining.

    Exits 1 when NEW introduces a finding at or above --fail-on."""
    from .config import ConfigError, ConfigFinder, check_selectors, with_overrides
    from .model.loading import ModelLoadError
    from .report.draftdiff import compare, render_json, render_text
    from .rules.ruleset import RuleError
    from .scan.runner import lint_paths
    from .sources import InputError

    try:
        selects, ignores, extends = _split_codes(select), _split_codes(ignore), _split_codes(extend_select)
        for option, codes in (("--select", selects), ("--ignore", ignores), ("--extend-select", extends)):
            check_selectors(codes or (), option, "command line")
        found = ConfigFinder(config_path, isolated=isolated).for_path(new)
        # Both drafts are read under the new draft's settings, so a difference is the text's, not the config's.
        settings = with_overrides(found, select=selects, ignore=ignores,
                                  extend_select=(*found.extend_select, *extends) if extends else None,
                                  fail_on=fail_on, max_spin=None)
        report = lint_paths([old, new], lambda _: settings, encoding=encoding, model_path=model_path)
    except (ConfigError, RuleError, ModelLoadError, InputError) as error:
        _fail(str(error))
        return
    for problem in report.problems:
        click.echo(f"spinlint: error: {problem.message}", err=True)
    if report.problems or len(report.files) != 2:
        sys.exit(EXIT_ERROR)
    result = compare(*report.files)
    _print(render_json(result) if output_format == "json" else render_text(result), nl=False)
    sys.exit(EXIT_FINDINGS if result.failed else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Results log: one JSON line per document, written and flushed as each is done. A log that "
                   "already holds results is not replaced unless --resume or --force is given.")
@click.option("--jobs", "-j", type=int, default=-1, show_default=True, help="Worker processes (-1 = all cores).")
@click.option("--resume", is_flag=True, help="Continue the log: skip documents whose (path, sha256) is in it.")
@click.option("--force", is_flag=True, help="Replace a log that already holds results.")
@click.option("--dask-scheduler", metavar="tcp://HOST:PORT", help="Run on a Dask distributed cluster.")
@click.option("--select", multiple=True, help="Only these codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these codes or prefixes.")
@click.option("--include", multiple=True, help="Glob of files to scan inside folders (repeatable).")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip (repeatable).")
@click.option("--encoding", help="Decode files with this encoding instead of detecting UTF-8/16.")
@click.option("--max-bytes", type=click.IntRange(1), default=10_000_000, show_default=True)
@click.option("--model", "model_path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Use this config file for every document (by default a scan reads no config file).")
@click.option("--discover-config", is_flag=True,
              help="Use each document's nearest config file, found no higher than the scanned folder or repository.")
@click.option("--isolated", is_flag=True, hidden=True, help="Ignore all config files (the default for scan).")
@click.option("--follow-symlinks", is_flag=True,
              help="Also read file symlinks that point outside the scanned folders (skipped with a warning).")
@click.option("--no-inline-suppressions", is_flag=True,
              help="Ignore every spinlint-disable directive in the documents (the summary counts what they "
                   "silence otherwise).")
@click.option("--walk-all", is_flag=True,
              help="Also read what folder walks leave out: dot-files, dot-folders, build/, dist/, node_modules/ "
                   "and other tool folders, and files .gitignore ignores (the summary lists them otherwise).")
@debug_option
def scan(paths, output, jobs, resume, force, dask_scheduler, select, ignore, include, exclude, encoding, max_bytes,
         model_path, config_path, discover_config, isolated, follow_symlinks, no_inline_suppressions, walk_all):
    """Score an archive: one JSON line per document, in parallel, resumable."""
    import json

    from .config import ConfigError, check_selectors, read_config
    from .model.loading import ModelLoadError
    from .rules.ruleset import RuleError
    from .scan.archive import ScanError, ScanOptions, check_jobs, run_scan
    from .scan.output import OutputError, output_kind
    from .sources import InputError, check_encoding, display_path, iter_files, lookup_problem

    selects, ignores = _split_codes(select), _split_codes(ignore)
    try:
        for option, codes in (("--select", selects), ("--ignore", ignores)):
            check_selectors(codes or (), option, "command line")
        check_jobs(jobs, dask_scheduler)
        if encoding:
            check_encoding(encoding)
        if config_path:
            read_config(config_path)  # a bad config is one error before the log is looked at
    except (ConfigError, ScanError, InputError) as error:
        _fail(str(error))
    if isolated and (config_path or discover_config):
        _fail("--isolated cannot be combined with --config or --discover-config")
    if resume and force:
        _fail("--resume continues the log and --force replaces it: give one of them")
    for path in paths:
        problem = lookup_problem(path)
        if problem:
            _fail(problem)
    # Only the names are held (a few MB for 100,000 files), so progress can show an ETA.
    def warn(message: str) -> None:
        click.echo(f"spinlint: warning: {message}", err=True)

    left_out: list[tuple[str, str]] = []  # nothing a walk leaves out is hidden: the summary lists it
    files = [str(path) for path, _ in iter_files(list(paths), include=tuple(include), exclude=tuple(exclude),
                                                 warn=warn, follow_symlinks=follow_symlinks, walk_all=walk_all,
                                                 left_out=lambda path, why: left_out.append((str(path), why)))]
    try:
        output_kind(output, files)  # an output that is a document, a symlink or a folder: say that first
    except OutputError as error:
        _fail(str(error))
    if not resume and not force and _holds_results(output):
        _fail(f"{output}: already holds scan results; --resume continues that scan, --force replaces the log")
    options = ScanOptions(select=selects, ignore=ignores, encoding=encoding, max_bytes=max_bytes,
                          model_path=str(model_path) if model_path else None,
                          config_path=str(config_path) if config_path else None, discover_config=discover_config,
                          roots=tuple(str(path) for path in paths),
                          inline_suppressions=not no_inline_suppressions)
    show_progress = sys.stderr.isatty()

    def progress(summary):
        if show_progress:
            handled = summary.documents + summary.errors + summary.skipped
            rate = summary.bytes / 1e6 / summary.seconds if summary.seconds else 0.0
            per_document = summary.seconds / max(summary.documents + summary.errors, 1)
            eta = per_document * (len(files) - handled)
            click.echo(f"\r{handled}/{len(files)} documents · {rate:.2f} MB/s · ETA {eta:.0f} s   ",
                       err=True, nl=False)

    try:
        summary = run_scan(files, output, options, jobs=jobs, resume=resume, dask_scheduler=dask_scheduler,
                           left_out=left_out, progress=progress)
    except KeyboardInterrupt:
        _interrupted("spinlint: interrupted; rerun with --resume to continue")
    except (ScanError, OutputError) as error:
        _fail(str(error))
        return
    except OSError as error:  # not the log (ResultsLog names it): the worker pool, a file it needed, a pipe
        where = f"{display_path(error.filename)}: " if error.filename else ""
        _fail(f"{where}the scan stopped ({error.strerror or error})")
        return
    except (ConfigError, RuleError, ModelLoadError) as error:  # re-raised here from a worker
        if show_progress:
            click.echo("", err=True)
        _fail(str(error))
        return
    if show_progress:
        click.echo("", err=True)
    _print(json.dumps(summary.to_dict(), indent=2))
    sys.exit(EXIT_ERROR if summary.errors and not summary.documents else EXIT_OK)
