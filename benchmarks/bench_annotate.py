"""Annotation speed: the five articles after import, and scaling to a synthetic 1,000-article corpus.

Targets (printed, not asserted): all kinds for the five articles under 50 ms after
import; time per article roughly constant from 10 to 1,000 articles (linear scaling).
The synthetic corpus is the five seeds repeated with other months, so every text differs.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier_lib import load_dossier  # noqa: E402
from dossier_lib.annotate import KINDS, ArticleAnnotations  # noqa: E402


def annotate_all(dossier) -> None:
    for article in dossier:
        ann = ArticleAnnotations(article)  # fresh: no cached results
        for kind in KINDS:
            ann.of_kind(kind)


def timed(dossier, repeats: int = 1) -> float:
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        annotate_all(dossier)
        best = min(best, time.perf_counter() - t)
    return best


def synthetic_corpus(folder: Path, n: int) -> None:
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = seed.read_text(encoding="utf-8")
        year, month = 2000 + (i // 12) % 25, i % 12 + 1
        text = f" date {year}-{month:02d}" + text[len(" date 2019-01") :]
        (folder / f"s{i:04d}_{seed.stem}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    dossier = load_dossier()
    first = timed(dossier)  # includes loading the data files and compiling patterns
    steady = timed(dossier, repeats=5)
    print(f"five articles, all kinds ({', '.join(KINDS)}):")
    print(f"  first run after import : {first * 1000:7.1f} ms (loads knowledge base, glossary, patterns)")
    print(f"  later runs (best of 5) : {steady * 1000:7.1f} ms   target < 50 ms")

    print("synthetic corpus (seeds repeated with other months):")
    print(f"  {'articles':>8} {'total s':>9} {'ms/article':>11}")
    per_article = []
    for n in (10, 100, 1000):
        with tempfile.TemporaryDirectory() as tmp:
            synthetic_corpus(Path(tmp), n)
            corpus = load_dossier(tmp, bundled=False)
            seconds = timed(corpus)
        per_article.append(seconds / n * 1000)
        print(f"  {n:>8} {seconds:>9.2f} {per_article[-1]:>11.2f}")
    spread = max(per_article) / min(per_article)
    print(f"  ms/article from 10 to 1,000 articles varies by a factor {spread:.2f} (1.0 = perfectly linear)")
    print(f"  median ms/article: {statistics.median(per_article):.2f}")


if __name__ == "__main__":
    main()
