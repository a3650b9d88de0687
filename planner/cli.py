"""The ``planner`` command: the one composition root.

It parses arguments, opens the store and the rules, and hands them to the module that does
each command's job. It imports ``screens`` (and so Textual) only when the TUI is asked for,
so ``--help``, ``--version`` and every command (show, set, suggest, template, copy, repeat,
export, import) never load Textual.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace

from planner import cli_repeat
from planner.advice import EvaluatedWeek, context_around
from planner.cli_files import FileProblem, display_name, read_text, write_output
from planner.cli_parser import EXIT_USAGE, build_parser
from planner.cli_set import AssignmentError, apply, describe_changes, parse_assignments
from planner.cli_show import Proposal, dump_json, show_json, show_text
from planner.cli_store import (
    CliError,
    at_edge,
    evaluate,
    load_week,
    open_knowledge,
    open_store,
    shown_week,
)
from planner.cli_suggest import on_week, suggestions_json, suggestions_text, weekday_request
from planner.cli_template import describe_applied, templates_text
from planner.clock import Clock, SystemClock
from planner.locations import resolve_db_path
from planner.plan import WeekPlan
from planner.repeat import proposal_for
from planner.store import Store, StoreError
from planner.suggest import SuggestError, suggest
from planner.suggest_words import RequestWordError, parse_counts, parse_pins
from planner.templates import TemplateError, load_templates, template_by_id
from planner.transfer import TransferError, export_document, read_export
from planner.weeks import IsoWeek, WeekError, week_of
from rules import KnowledgeBase

__all__ = ["EXIT_USAGE", "CliError", "build_parser", "main", "open_knowledge"]


def _show(args: argparse.Namespace, clock: Clock) -> int:
    knowledge = open_knowledge()
    with open_store(args, write=False) as store:
        settings = store.settings()
        first = settings.first_weekday
        week = evaluate(store, shown_week(args, clock, first), first, knowledge)
        layout = proposal_for(week.plan, settings, store)
    proposal = None
    if layout is not None and settings.repeat_week is not None:
        proposal = Proposal(settings.repeat_week, layout)
    text = dump_json(show_json(week, proposal)) if args.json else show_text(week, proposal)
    write_output(None, text.encode("utf-8"))
    return 0


def _set(args: argparse.Namespace, clock: Clock) -> int:
    try:
        assignments = parse_assignments(args.assignments)
    except AssignmentError as error:
        raise CliError(str(error)) from None
    with open_store(args, write=True) as store:
        first = store.settings().first_weekday
        before = load_week(store, shown_week(args, clock, first), first)
        after = apply(before, assignments)
        if after != before:
            store.save_plan(after)
    print(describe_changes(before, after))
    return 0


def _suggest(args: argparse.Namespace, clock: Clock) -> int:
    try:
        counts = parse_counts(args.counts)
        request = weekday_request(counts, args.rest_min, parse_pins(args.pins))
    except (RequestWordError, SuggestError) as error:
        raise CliError(str(error)) from None
    knowledge = open_knowledge()
    with open_store(args, write=args.apply) as store:
        first = store.settings().first_weekday
        week = shown_week(args, clock, first)
        stored = load_week(store, week, first)
        try:
            before, after = context_around(store, stored)
        except (WeekError, OverflowError):
            raise at_edge(week) from None
        try:
            found = suggest(on_week(request, stored), week, first, before, after, knowledge)
        except SuggestError as error:
            raise CliError(str(error)) from None
        applied = found[0].plan if args.apply else None
        if applied is not None and applied != stored:
            store.save_plan(applied)
    if args.json:
        text = dump_json(suggestions_json(stored, found, applied=args.apply))
    else:
        text = suggestions_text(stored, request, found, applied)
    write_output(None, text.encode("utf-8"))
    return 0


def _template(args: argparse.Namespace, clock: Clock) -> int:
    try:
        templates = load_templates()
        template = None if args.template_command == "list" else template_by_id(args.id)
    except (TemplateError, LookupError) as error:
        raise CliError(str(error.args[0])) from None
    with open_store(args, write=template is not None) as store:
        first = store.settings().first_weekday
        if template is None:
            text = templates_text(templates, first)
        else:
            before = load_week(store, shown_week(args, clock, first), first)
            after = template.apply_to(before)
            if after != before:
                store.save_plan(after)
            text = describe_applied(template, before, after) + "\n"
    write_output(None, text.encode("utf-8"))
    return 0


def _copy(args: argparse.Namespace, clock: Clock) -> int:
    with open_store(args, write=True) as store:
        first = store.settings().first_weekday
        target = shown_week(args, clock, first)
        source: IsoWeek | None = args.source
        if source is None:
            try:
                source = target.previous()
            except (WeekError, OverflowError):
                raise CliError(f"there is no week before {target}; give one with --from") from None
        if source == target:
            raise CliError(f"--from {source} is the week to copy into; copy from another week")
        copied = load_week(store, source, first)
        if copied.is_empty:
            raise CliError(f"{source} has no planned day, nothing to copy; choose it with --from")
        before = load_week(store, target, first)
        after = WeekPlan(target, first, copied.activities)
        if after != before:
            store.save_plan(after)
    print(f"Copied {source} to {describe_changes(before, after)}")
    return 0


def _repeat(args: argparse.Namespace, clock: Clock) -> int:
    week: IsoWeek | None = args.week
    if week is not None and (args.off or args.show):
        option = "--off" if args.off else "--show"
        raise CliError(f"{option} takes no --week; 'planner repeat --week {week}' marks it")
    with open_store(args, write=args.off or week is not None) as store:
        settings = store.settings()
        first = settings.first_weekday
        if args.off:
            if settings.repeat_week is not None:
                store.save_settings(replace(settings, repeat_week=None))
            text = cli_repeat.cleared(settings.repeat_week)
        elif week is not None:
            layout = load_week(store, week, first)
            if layout.is_empty:
                raise CliError(f"{week} has no planned day; plan it first, then mark it")
            if settings.repeat_week != week:
                store.save_settings(replace(settings, repeat_week=week))
            text = cli_repeat.marked(layout, settings.repeat_week)
        else:
            repeating = settings.repeat_week
            shown = None if repeating is None else load_week(store, repeating, first)
            text = cli_repeat.status(shown, week_of(clock.today(), first))
    print(text)
    return 0


def _in_range(week: IsoWeek, first: IsoWeek | None, last: IsoWeek | None) -> bool:
    return (first is None or first <= week) and (last is None or week <= last)


def _export(args: argparse.Namespace, clock: Clock) -> int:
    start: IsoWeek | None = args.first
    end: IsoWeek | None = args.last
    if start is not None and end is not None and start > end:
        raise CliError(f"--from {start} is after --to {end}; swap them")
    knowledge = None if args.format == "json" else open_knowledge()
    with open_store(args, write=False) as store:
        settings = store.settings()
        plans = store.all_plans()
        if knowledge is None:
            chosen = [plan for plan in plans if _in_range(plan.week, start, end)]
            payload = dump_json(export_document(chosen, settings)).encode("utf-8")
        else:
            # Weeks as the user sees them: with Sunday-first, a stored week's Sunday is
            # shown (and judged) in the next week.
            first = settings.first_weekday
            shown = {
                week_of(day, first)
                for plan in plans
                for day, activity in plan.days
                if activity is not None
            }
            weeks = [
                evaluate(store, week, first, knowledge)
                for week in sorted(shown)
                if _in_range(week, start, end)
            ]
            payload = _render(args.format, weeks, knowledge, clock)
    write_output(args.output, payload)
    return 0


def _render(
    format: str, weeks: list[EvaluatedWeek], knowledge: KnowledgeBase, clock: Clock
) -> bytes:
    if format == "md":
        from planner.export_md import markdown

        return markdown(weeks).encode("utf-8")
    # Imported here: icalendar takes about 0.1 s to load and only this format needs it.
    from planner.export_ics import calendar_bytes

    return calendar_bytes(weeks, knowledge, clock.today())


def _import(args: argparse.Namespace, clock: Clock) -> int:
    try:
        export = read_export(read_text(args.file), display_name(args.file))
    except (FileProblem, TransferError) as error:
        raise CliError(str(error)) from None
    with open_store(args, write=True) as store:
        stored = set(store.stored_weeks())
        store.replace_weeks(export.plans, settings=export.settings)
    count = len(export.plans)
    replaced = sum(1 for plan in export.plans if plan.week in stored)
    print(
        f"Imported {count} week{'' if count == 1 else 's'}: "
        f"{count - replaced} added, {replaced} replaced."
    )
    return 0


def _run_tui(args: argparse.Namespace, clock: Clock) -> int:
    # Textual and the first frame allocate a great deal that lives as long as the app: the
    # collector would walk it again and again while starting (about a tenth of the time to
    # the first frame). The app collects once, then freezes it, after its first frame.
    gc.disable()
    from screens.app import PlannerApp

    knowledge = open_knowledge()
    try:
        store = Store.open(resolve_db_path(args.db), fallback_read_only=True)
    except StoreError as error:
        raise CliError(str(error)) from None
    with store:
        app = PlannerApp(clock=clock, store=store, knowledge=knowledge, week=args.week)
        try:
            app.run()
        finally:
            app.flush_saves()
        if app.unsaved_weeks:
            weeks = ", ".join(str(week) for week in app.unsaved_weeks)
            raise CliError(f"could not save {weeks}: {app.last_save_error}")
    return app.return_code or 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Clock], int]] = {
    "show": _show,
    "set": _set,
    "suggest": _suggest,
    "template": _template,
    "copy": _copy,
    "repeat": _repeat,
    "export": _export,
    "import": _import,
}


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    """Run ``planner``; ``clock`` says what "the current week" is (tests pass a fixed one)."""
    args = build_parser().parse_args(argv)
    run = COMMANDS.get(args.command or "", _run_tui)
    try:
        return run(args, clock or SystemClock())
    except (CliError, FileProblem) as error:
        print(f"planner: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader (e.g. `| head`) left early: not an error, and no traceback at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
