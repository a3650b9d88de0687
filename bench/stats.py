"""Small helpers shared by the benchmarks: timing summaries, printed, never asserted."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def percentile(samples: Sequence[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def describe(label: str, seconds: Sequence[float], unit: str = "ms") -> str:
    scale = {"s": 1.0, "ms": 1e3, "us": 1e6}[unit]
    median = statistics.median(seconds) * scale
    p95 = percentile(seconds, 0.95) * scale
    return f"{label}: median {median:.2f} {unit}, p95 {p95:.2f} {unit} (n={len(seconds)})"
