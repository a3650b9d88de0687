"""Each claim the two articles make about order, recovery and combining sessions, in our
own words, next to the rules that carry it and a plan that makes each of them fire.

Also the published guidelines the knowledge base cites, and a check the other way round:
every rule citing an article carries at least one claim listed here.
"""

from __future__ import annotations

import datetime
import re

import pytest

from rules import Goal, default_knowledge
from tests.helpers import judge_words

MONDAY = datetime.date(2026, 11, 23)
BACK = "back-after-legs"  # "Can You Do Back Day After Leg Day?"
RUN = "run-after-legs"  # "Can You Run After Leg Day?"
STUDY = "study"

# (claim in our words, where it comes from, ((rule id, plan that makes it fire), ...))
# A plan is a Monday-first week written as activity names.
CLAIMS: list[tuple[str, str, tuple[tuple[str, str], ...]]] = [
    # -- Can You Do Back Day After Leg Day? -------------------------------------------
    (
        "How sessions are ordered through the week is itself a factor in results",
        BACK,
        (("push-rest-legs-pull-rest", "push rest legs pull rest"),),
    ),
    (
        "Back the day after legs is a common, workable order that rests the lower body",
        BACK,
        (("legs-then-pull-fresh-back", "legs pull"),),
    ),
    (
        "A hard leg day leaves the lower body worn out; rest it before loading it again",
        BACK,
        (("legs-need-two-days", "legs legs"), ("legs-then-pull-fresh-back", "legs pull")),
    ),
    (
        "Back after legs moves the work to an upper body that is still fresh",
        BACK,
        (("legs-then-pull-fresh-back", "legs pull"),),
    ),
    (
        "A rest day after back day gives the legs 48 h or more, which repair and growth need",
        BACK,
        (("legs-need-two-days", "push+legs pull legs"),),
    ),
    (
        "Training too many big groups (chest, legs, back) close together hurts the workouts",
        BACK,
        (("lifting-days-in-a-row", "push pull legs"),),
    ),
    (
        "Ordered well, big groups can go on consecutive days: push, rest, legs, pull, rest",
        BACK,
        (("push-rest-legs-pull-rest", "push rest legs pull rest"),),
    ),
    (
        "That layout trains the whole body in a week and still lets each group recover",
        BACK,
        (("push-rest-legs-pull-rest", "push rest legs pull rest"),),
    ),
    (
        "After an intense leg day you may be too tired or unmotivated for back: rest first",
        BACK,
        (("legs-then-pull-too-tired", "legs:heavy pull"),),
    ),
    (
        "A fatigued lower body needs time to rest and recover before it trains again",
        BACK,
        (
            ("very-sore-then-lifting-them", "rest legs/legs=very"),
            ("sore-then-lifting-them-hard", "rest pull:heavy/back=sore"),
        ),
    ),
    (
        "Whether back after legs suits you is partly personal preference",
        BACK,
        (("legs-then-pull-too-tired", "legs pull"),),
    ),
    (
        "It is low risk if you have no injury and the back has recovered from its last work",
        BACK,
        (("legs-then-pull-safe-if-recovered", "legs pull"),),
    ),
    (
        "Legs after back may be the better order: deadlifts and rows also load the legs",
        BACK,
        (
            ("pull-then-legs-fresh-for-hinges", "rest pull legs"),
            ("legs-then-pull-back-first", "legs pull"),
        ),
    ),
    (
        "Tired legs from an intense leg day cut the weight you can use on some back lifts",
        BACK,
        (
            ("pull-after-legs-in-one-session", "rest legs:heavy,pull"),
            ("legs-then-pull-back-first", "legs pull"),
        ),
    ),
    # -- Can You Run After Leg Day? ---------------------------------------------------
    (
        "Leg day loads the body's largest muscles and is among the hardest sessions",
        RUN,
        (
            ("hard-run-on-lifted-legs", "legs run:tempo"),
            ("no-leg-day", "push pull run rest push pull rest"),
        ),
    ),
    (
        "Running the day after legs is possible, provided it is done the right way",
        RUN,
        (("legs-then-run-it-depends", "legs run"), ("legs-then-run-easy-and-short", "legs run")),
    ),
    (
        "A run on the same day as legs is a poor idea, mediocre at best",
        RUN,
        (
            ("run-on-leg-day", "rest legs+run"),
            ("hard-run-on-lifted-legs", "rest legs+run:tempo"),
        ),
    ),
    (
        "Strain from a 45-60 min strength session can last days, even without feeling tired",
        RUN,
        (("run-two-days-after-legs", "legs rest run"),),
    ),
    (
        "Training burns stored glycogen, more the harder it is, and can run it down",
        RUN,
        (("run-on-leg-day", "rest legs+run"), ("legs-then-run-eat-first", "legs run:tempo")),
    ),
    (
        "Squats and deadlifts tire more muscles than the legs alone",
        RUN,
        (("run-on-leg-day", "rest legs+run"),),
    ),
    (
        "Bigger muscles mean more inflammation and micro-tears, so more soreness",
        RUN,
        (("run-on-leg-day", "rest legs+run"),),
    ),
    (
        "Intensity, volume, speed, order, recovery rate and fitness all change the effect",
        RUN,
        (("legs-then-run-it-depends", "legs run"),),
    ),
    (
        "Running the next day depends on your experience, goals and speed of recovery",
        RUN,
        (("legs-then-run-it-depends", "legs run"),),
    ),
    (
        "Lifting close to failure leaves the legs sore next day, maybe too drained to run",
        RUN,
        (("hard-run-on-lifted-legs", "legs:heavy run:tempo"),),
    ),
    (
        "Too sore to walk means overdone: running then risks injury, soreness, poor form",
        RUN,
        (("legs-then-run-too-sore-to-walk", "legs run"),),
    ),
    (
        "Legs too sore to walk: skip the run, it risks injury; if you must, keep it easy",
        RUN,
        (
            ("very-sore-legs-then-a-hard-run", "rest run:tempo/legs=very"),
            ("very-sore-legs-then-a-run", "rest run/legs=very"),
        ),
    ),
    (
        "On sore legs, a short recovery run: no long run, tempo or hill intervals",
        RUN,
        (("sore-legs-then-a-hard-run", "rest run:long/legs=sore"),),
    ),
    (
        "If you run anyway, keep it light and easy",
        RUN,
        (
            ("legs-then-run-easy-and-short", "legs run"),
            ("legs-then-run-too-sore-to-walk", "legs run"),
        ),
    ),
    (
        "With sore legs warm up properly and for longer: fewer injuries, better running",
        RUN,
        (("legs-then-run-longer-warm-up", "legs run"),),
    ),
    (
        "Keep it a short recovery run without pace or distance goals, no long/tempo/hills",
        RUN,
        (
            ("legs-then-run-easy-and-short", "legs run"),
            ("hard-run-on-lifted-legs", "legs run:intervals"),
            ("hard-run-on-lifted-legs", "legs run:long"),
        ),
    ),
    (
        "Compression shorts or socks may aid recovery through better circulation",
        RUN,
        (("legs-then-run-compression", "legs run"),),
    ),
    (
        "A long or hard session while fatigued may need extra food for fuel",
        RUN,
        (("legs-then-run-eat-first", "legs run:long"),),
    ),
    (
        "Leg day should never be skipped",
        RUN,
        (("no-leg-day", "push pull run rest push pull rest"),),
    ),
    (
        "A stronger lower body and core make a better, steadier runner",
        RUN,
        (("runs-without-leg-strength", "push pull run rest push pull rest"),),
    ),
    (
        "Weak lower-body muscles are a frequent cause of back pain",
        RUN,
        (("no-leg-day", "push pull run rest push pull rest"),),
    ),
    # -- Published work and general guidelines -------------------------------------------
    (
        "Muscles worked hard are usually given about two days before working hard again",
        STUDY,
        (("same-muscles-too-soon", "push push"),),
    ),
    (
        "Sets to failure slow recovery up to 24-48 h afterwards (Moran-Navarro 2017)",
        STUDY,
        (("heavy-lifting-recovers-slower", "push:heavy push"),),
    ),
    (
        "Signs of incomplete recovery remain 24 h after interval runs (Nuuttila 2021)",
        STUDY,
        (("hard-run-after-intervals", "run:intervals run:tempo"),),
    ),
    (
        "An easy or rest day between hard runs is usual practice",
        STUDY,
        (("hard-run-after-tempo", "run:tempo run:tempo"),),
    ),
    (
        "Strength and running back to back gained least strength; 6 or 24 h apart gained"
        " alike (Robineau 2016)",
        STUDY,
        (("legs-then-run-back-to-back", "rest legs,run"),),
    ),
    (
        "An opinion review suggests 2-3 aerobic days and 6-24 h between aerobic work and"
        " lifting for growth (Murach & Bagley 2016)",
        STUDY,
        (
            ("many-runs-for-growth", "push run legs run pull run run muscle"),
            ("running-and-lifting-mixed", "push run legs"),
        ),
    ),
    (
        "Lifting first in one session gives more lower-body strength (Eddens 2018)",
        STUDY,
        (("run-then-legs-back-to-back", "rest run,legs strength"),),
    ),
    (
        "Leg work is lower 4-8 h after aerobic exercise, normal after 24 h (Sporer 2003)",
        STUDY,
        (("legs-after-a-run-same-day", "rest run+legs strength"),),
    ),
    (
        "Each muscle group about twice a week grows more muscle (Schoenfeld 2016)",
        STUDY,
        (("strength-days-for-growth", "push pull legs rest push pull legs muscle"),),
    ),
    (
        "Heavy loads build more maximal strength than light ones; size grows alike (Lopez 2021)",
        STUDY,
        (("heavy-days-for-strength", "legs:heavy rest push:heavy rest pull:heavy strength"),),
    ),
    (
        "Strength work for each major group on 2-3 days and aerobic work on 3-5 days a week,"
        " vigorous work counting double (ACSM, Garber 2011)",
        STUDY,
        (
            ("strength-days", "push pull legs rest push pull legs"),
            ("aerobic-days", "run rest run rest run rest rest"),
            ("vigorous-runs", "run:tempo rest run rest run rest rest"),
        ),
    ),
    (
        "Strength training two or three times a week helps distance runners (Blagrove 2018)",
        STUDY,
        (("strength-days-for-runners", "legs rest run rest push rest run endurance"),),
    ),
    (
        "Endurance athletes do most sessions easy and a few hard (Seiler 2010)",
        STUDY,
        (
            ("hard-runs", "run rest run:intervals rest run rest run:long endurance"),
            (
                "more-hard-runs-than-easy",
                "run:tempo rest run:intervals rest run:tempo rest run endurance",
            ),
        ),
    ),
    (
        "A weekly long run is a staple of endurance plans (general guidelines)",
        STUDY,
        (("long-run", "run rest run:long endurance"),),
    ),
    (
        "An easy day between the week's key runs: hard runs, the long run (general guidelines)",
        STUDY,
        (
            ("hard-run-after-long-run", "run:long run:tempo endurance"),
            ("long-run-after-hard-run", "run:intervals run:long endurance"),
        ),
    ),
    (
        "Heavy deadlifts work the hamstrings too: a day before heavy legs (general guidelines)",
        STUDY,
        (("legs-after-heavy-deadlifts", "pull:heavy legs:heavy"),),
    ),
    (
        "Frequent running beside lifting went with smaller strength gains (Wilson 2012)",
        STUDY,
        (("many-runs-for-strength", "push run legs run pull run run strength"),),
    ),
    (
        "A rest day or two a week; and not hard work on most days (general guidelines)",
        STUDY,
        (
            ("rest-days", "push rest legs rest pull rest rest"),
            (
                "many-hard-sessions",
                "legs:heavy run:tempo push:heavy run:intervals pull:heavy legs:heavy+run:tempo",
            ),
        ),
    ),
]


def fired(plan: str) -> set[str]:
    """Rules that fire for a plan of day words, Monday on; a last word naming a goal
    judges it for that goal."""
    words = plan.split()
    goal = Goal.GENERAL
    if words[-1] in set(Goal):
        goal = Goal(words.pop())
    evaluation = judge_words(words, goal, before=["-"])
    ids = {finding.rule_id for finding in evaluation.week_findings}
    for transition in evaluation.transitions:
        ids.update(finding.rule_id for finding in transition.findings)
    return ids


@pytest.mark.parametrize(("claim", "origin", "evidence"), CLAIMS, ids=[c[0] for c in CLAIMS])
def test_claim_is_carried_by_rules_that_fire(
    claim: str, origin: str, evidence: tuple[tuple[str, str], ...]
) -> None:
    knowledge = default_knowledge()
    for rule_id, plan in evidence:
        assert rule_id in knowledge, f"{claim}: no rule {rule_id}"
        assert rule_id in fired(plan), f"{claim}: {rule_id} does not fire for '{plan}'"
    if origin != STUDY:
        cited = {knowledge.rule(rule_id).source.id for rule_id, _ in evidence}
        assert origin in cited, f"{claim}: no listed rule cites the article"


@pytest.mark.parametrize("article", [BACK, RUN])
def test_every_rule_citing_an_article_carries_a_listed_claim(article: str) -> None:
    listed = {rule_id for _, _, evidence in CLAIMS for rule_id, _ in evidence}
    citing = {rule.id for rule in default_knowledge().rules if rule.source.id == article}
    assert citing
    assert citing <= listed


def test_articles_are_cited_by_title_and_studies_by_author_and_year() -> None:
    sources = default_knowledge().sources
    assert sources[BACK].citation == "Can You Do Back Day After Leg Day?"
    assert sources[RUN].citation == "Can You Run After Leg Day?"
    assert sources[BACK].title.startswith("Can You Do Back Day After Leg Day?")
    assert sources[RUN].title.startswith("Can You Run After Leg Day?")
    assert sources["robineau-2016"].citation == "Robineau et al. 2016, J Strength Cond Res"
    assert sources["murach-bagley-2016"].citation == "Murach & Bagley 2016, Sports Med"
    assert sources["schoenfeld-2016"].citation == "Schoenfeld et al. 2016, Sports Med"
    assert sources["coaching"].citation == "general guideline"


# Authors (year). Title. Journal volume(issue):pages (a journal without issues: volume:pages).
# Pages, or an article number where a journal gives one (Front Sports Act Living 4:1073223).
FULL_REFERENCE = r"^[A-Z][^()]+ \(\d{4}\)\. .+[.?] .+ \d+(\(\d+\))?:\d+(-\d+)?\. doi:10\.\d+/\S+$"


def test_every_published_source_has_a_full_reference() -> None:
    """Authors, (year), title, journal with volume and pages, and a DOI."""
    for source in default_knowledge().sources.values():
        if source.kind == "article" or source.id == "coaching":
            continue
        assert re.match(FULL_REFERENCE, source.title), source.id


def test_every_source_is_cited_and_every_rule_cites_a_known_source() -> None:
    from planner.block import CHECKIN_SOURCES, DELOAD_SOURCES
    from planner.load import SOURCE_IDS

    knowledge = default_knowledge()
    cited = (
        {rule.source.id for rule in knowledge.rules}
        | set(SOURCE_IDS)
        | set(DELOAD_SOURCES)
        | set(CHECKIN_SOURCES)
    )
    assert cited == set(knowledge.sources)


def test_at_most_one_finding_in_five_over_the_templates_is_a_general_guideline() -> None:
    from planner.advice import judge
    from planner.templates import load_templates
    from planner.weeks import FirstWeekday, IsoWeek

    knowledge = default_knowledge()
    total = general = 0
    for template in load_templates():
        plan = template.plan_for(IsoWeek(2026, 48), FirstWeekday.MONDAY)
        evaluation = judge(plan, [], [], knowledge).evaluation
        found = [f for t in evaluation.transitions for f in t.findings]
        found += evaluation.week_findings
        total += len(found)
        general += sum(1 for f in found if f.source.citation == "general guideline")
    assert total and general * 5 <= total, f"{general} of {total} findings"
