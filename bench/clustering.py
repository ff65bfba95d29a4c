"""Story clustering quality on ECB+ (topics 1-35): B-cubed precision, recall and F1 against the ``event`` label.

Prints corroborate's clustering beside the same without its penalty for conflicting actors (openings that
name different organisations) and a TF-IDF + average-linkage baseline, for topics 1-20 (where the settings were
tuned), 21-35 (held out) and all 772 articles clustered together, with the CPU seconds corroborate's clustering
took. The baseline's distance threshold is its best on topics 1-20, applied unchanged to the rest. No threshold
is fitted per topic. Each split also lists the topics whose two events come out as one story (most of each
event's articles in the same story).

    .venv/bin/python bench/clustering.py [--data ../shared/data/ecbplus-train-dev]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from corroborate.cluster import ArticleFeatures, StoryIndex, article_features
from corroborate.records import Article
from corroborate.settings import DEFAULT_SETTINGS, ClusterSettings

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus-train-dev"
SPLITS = {"topics 1-20 (tuning)": range(1, 21), "topics 21-35 (held out)": range(21, 36),
          "all 772": range(1, 36)}


@dataclass(frozen=True, slots=True)
class Labelled:
    article: Article
    topic: int
    event: str


def load(data: Path) -> list[Labelled]:
    with (data / "labels.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        Labelled(_article(data / row["file"]), int(row["topic"]), row["event"])
        for row in rows
    ]


def _article(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    return Article(id=path.stem, origin=str(path), source=path.stem, title=None, author=None,
                   published=None, text=text, raw=text)


def bcubed(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin, 1998): per item, averaged over items."""
    by_predicted: dict[str, set[int]] = defaultdict(set)
    by_gold: dict[str, set[int]] = defaultdict(set)
    for position, (label, truth) in enumerate(zip(predicted, gold, strict=True)):
        by_predicted[label].add(position)
        by_gold[truth].add(position)
    precision = recall = 0.0
    for label, truth in zip(predicted, gold, strict=True):
        shared = len(by_predicted[label] & by_gold[truth])
        precision += shared / len(by_predicted[label])
        recall += shared / len(by_gold[truth])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def corroborate_labels(features: Sequence[ArticleFeatures],
                       settings: ClusterSettings = DEFAULT_SETTINGS.cluster) -> list[str]:
    index = StoryIndex(settings)
    index.add_features(features)
    return [index.story_of(item.article_id) or "" for item in features]


def merged_topics(items: Sequence[Labelled], predicted: Sequence[str]) -> list[int]:
    """Topics whose two events land mostly in one story: each event's story is where most of its articles are."""
    labels_of: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for item, label in zip(items, predicted, strict=True):
        labels_of[item.topic][item.event].append(label)
    return sorted(topic for topic, events in labels_of.items()
                  if len({max(sorted(set(labels)), key=labels.count) for labels in events.values()}) < len(events))


def baseline_labels(texts: Sequence[str], similarity: float) -> list[str]:
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    distance = 1.0 - (vectors @ vectors.T).toarray()
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1.0 - similarity)
    return [str(label) for label in model.fit_predict(np.clip(distance, 0.0, None))]


def best_baseline_similarity(items: Sequence[Labelled]) -> float:
    texts = [item.article.text for item in items]
    gold = [item.event for item in items]
    candidates = np.arange(0.05, 0.5, 0.01)
    scores = [bcubed(baseline_labels(texts, float(value)), gold)[2] for value in candidates]
    return float(candidates[int(np.argmax(scores))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    items = load(args.data)
    started = time.perf_counter()
    features = dict(zip((item.article.id for item in items),
                        article_features([item.article for item in items], DEFAULT_SETTINGS.cluster),
                        strict=True))
    print(f"features of {len(items)} articles in {time.perf_counter() - started:.1f} s")
    tuning = [item for item in items if item.topic in SPLITS["topics 1-20 (tuning)"]]
    baseline_similarity = best_baseline_similarity(tuning)
    print(f"baseline similarity threshold (best on topics 1-20): {baseline_similarity:.2f}\n")
    without_actors = dataclasses.replace(DEFAULT_SETTINGS.cluster, actor_conflict_penalty=0.0)
    print(f"{'split':26} {'method':29} {'P':>6} {'R':>6} {'F1':>6} {'stories':>8} {'events':>7} {'CPU s':>6}"
          "  topics with both events in one story")
    for name, topics in SPLITS.items():
        subset = [item for item in items if item.topic in topics]
        gold = [item.event for item in subset]
        chosen = [features[item.article.id] for item in subset]
        runs = {
            "corroborate": timed_labels(chosen, DEFAULT_SETTINGS.cluster),
            "corroborate, no actor penalty": timed_labels(chosen, without_actors),
            "tf-idf avg-linkage": (baseline_labels([item.article.text for item in subset], baseline_similarity),
                                   None),
        }
        for method, (predicted, seconds) in runs.items():
            precision, recall, f1 = bcubed(predicted, gold)
            merged = merged_topics(subset, predicted)
            cpu = f"{seconds:6.2f}" if seconds is not None else f"{'':6}"
            topics_count = len({item.topic for item in subset})
            print(f"{name:26} {method:29} {precision:6.3f} {recall:6.3f} {f1:6.3f}"
                  f" {len(set(predicted)):8d} {len(set(gold)):7d} {cpu}  {len(merged)}/{topics_count} {merged}")


def timed_labels(features: Sequence[ArticleFeatures], settings: ClusterSettings) -> tuple[list[str], float]:
    """The story of each of ``features`` and the CPU seconds clustering them took (every thread of this
    process)."""
    started = time.process_time()
    labels = corroborate_labels(features, settings)
    return labels, time.process_time() - started


if __name__ == "__main__":
    main()
