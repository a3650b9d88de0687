"""Each claim the two articles make about order, recovery and combining sessions, in our
own words, next to the rules that carry it and a plan that makes each of them fire.

Also the published guidelines the knowledge base cites, and a check the other way round:
every rule citing an article carries at least one claim listed here.
"""

from __future__ import annotations

import datetime

import pytest

from rules import Activity, default_knowledge, evaluate
from rules.model import consecutive_days

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
        (("legs-then-legs-no-repair", "legs legs"), ("legs-then-pull-fresh-back", "legs pull")),
    ),
    (
        "Back after legs moves the work to an upper body that is still fresh",
        BACK,
        (("legs-then-pull-fresh-back", "legs pull"), ("different-muscles-recover", "legs pull")),
    ),
    (
        "A rest day after back day gives the legs 48 h or more, which repair and growth need",
        BACK,
        (("legs-pull-rest", "legs pull rest"),),
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
        (
            ("push-rest-legs-pull-rest", "push rest legs pull rest"),
            ("whole-body-covered", "push rest legs pull rest"),
        ),
    ),
    (
        "After heavy legs you may be too tired or unmotivated for a big back session: rest",
        BACK,
        (("legs-then-pull-too-tired", "legs pull"),),
    ),
    (
        "Whether back after legs suits you is partly personal preference",
        BACK,
        (("legs-then-pull-too-tired", "legs pull"),),
    ),
    (
        "It is low risk if you have no injury and the back has recovered from its last work",
        BACK,
        (
            ("legs-then-pull-safe-if-recovered", "legs pull"),
            ("same-muscles-48h-later", "pull legs pull"),
        ),
    ),
    (
        "Legs after back may be the better order: deadlifts and rows also load the legs",
        BACK,
        (("pull-then-legs-fresh-for-hinges", "pull legs"),),
    ),
    (
        "Tired legs from the day before cut the weight you can use on some back lifts",
        BACK,
        (("legs-then-pull-tired-legs-limit-back", "legs pull"),),
    ),
    # -- Can You Run After Leg Day? ---------------------------------------------------
    (
        "Leg day loads the body's largest muscles and is among the hardest sessions",
        RUN,
        (
            ("legs-then-run-same-muscles", "legs run"),
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
        (("legs-then-run-not-same-day", "legs run"),),
    ),
    (
        "Strain from a 45-60 min strength session can last days, even without feeling tired",
        RUN,
        (("run-two-days-after-legs", "legs rest run"), ("legs-then-run-not-same-day", "legs run")),
    ),
    (
        "Training burns stored glycogen, more the harder it is, and can run it down",
        RUN,
        (("legs-then-run-fuel", "legs run"), ("legs-then-run-not-same-day", "legs run")),
    ),
    (
        "Squats and deadlifts tire more muscles than the legs alone",
        RUN,
        (("legs-then-run-not-same-day", "legs run"),),
    ),
    (
        "Bigger muscles mean more inflammation and micro-tears, so more soreness",
        RUN,
        (("legs-then-run-same-muscles", "legs run"),),
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
        (("legs-then-run-same-muscles", "legs run"),),
    ),
    (
        "Too sore to walk means overdone: running then risks injury, soreness, poor form",
        RUN,
        (("legs-then-run-too-sore-to-walk", "legs run"),),
    ),
    (
        "If you run anyway, keep it light and easy",
        RUN,
        (("legs-then-run-easy-and-short", "legs run"),),
    ),
    (
        "With sore legs warm up properly and for longer: fewer injuries, better running",
        RUN,
        (("legs-then-run-longer-warm-up", "legs run"),),
    ),
    (
        "Keep it a short recovery run without pace or distance goals, no long/tempo/hills",
        RUN,
        (("legs-then-run-easy-and-short", "legs run"),),
    ),
    (
        "Compression shorts or socks may aid recovery through better circulation",
        RUN,
        (("legs-then-run-compression", "legs run"),),
    ),
    (
        "A long or hard session while fatigued may need extra food for fuel",
        RUN,
        (("legs-then-run-fuel", "legs run"),),
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
    # -- Published guidelines -----------------------------------------------------------
    (
        "About 48 h before the same muscles work hard again",
        STUDY,
        (
            ("same-muscles-within-48h", "push push"),
            ("same-muscles-48h-later", "push rest push"),
        ),
    ),
    (
        "6-24 h between leg lifting and running limits interference (Robineau; Murach)",
        STUDY,
        (("legs-then-run-24h-apart", "legs run"), ("run-then-legs-spaced", "run legs")),
    ),
    (
        "Each muscle group at least twice a week grows more muscle (Schoenfeld 2016)",
        STUDY,
        (
            ("each-group-twice", "push pull legs rest push pull legs"),
            ("each-group-twice-short", "push pull legs rest rest rest rest"),
        ),
    ),
]


def fired(plan: str) -> set[str]:
    activities = [Activity(name) for name in plan.split()]
    evaluation = evaluate(consecutive_days(MONDAY, activities))
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
    assert sources[BACK].title == "Can You Do Back Day After Leg Day?"
    assert sources[RUN].title == "Can You Run After Leg Day?"
    assert sources["robineau-2016"].citation == "Robineau et al. 2016, J Strength Cond Res"
    assert sources["murach-bagley-2016"].citation == "Murach & Bagley 2016, Sports Med"
    assert sources["schoenfeld-2016"].citation == "Schoenfeld et al. 2016, Sports Med"
    guidelines = [s for s in sources.values() if s.kind == "guideline"]
    assert guidelines and all(s.citation == "general guideline" for s in guidelines)
