"""Benchmarks: each ``bench_*.py`` module has a ``main()`` that prints its figures.

They never assert timings; ``make bench`` runs them all, ``python -m bench NAME`` runs one.
"""
