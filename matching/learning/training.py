"""Fitting a ranker on past proposals and comparing it with the hand-tuned score."""

import datetime
from dataclasses import dataclass

import numpy as np

from .dataset import Dataset
from .metrics import mean_ndcg
from .model import LearnedRanker

NDCG_K = 10


@dataclass
class TrainingResult:
    n_examples: int
    n_train: int
    n_test: int
    ndcg_model: float | None
    ndcg_baseline: float | None
    ranker: LearnedRanker | None
    # Why no model should be used; empty when it should.
    refusal: str = ""

    @property
    def accepted(self) -> bool:
        return self.ranker is not None and not self.refusal


def _estimator(seed: int):
    from sklearn.ensemble import GradientBoostingRegressor

    # Small and single-threaded: a few hundred rows fit in well under a second,
    # and no BLAS thread pool competes with the web workers.
    return GradientBoostingRegressor(
        n_estimators=120,
        max_depth=3,
        learning_rate=0.05,
        subsample=0.8,
        random_state=seed,
    )


def train(
    dataset: Dataset,
    *,
    min_examples: int = 200,
    test_size: float = 0.25,
    seed: int = 0,
) -> TrainingResult:
    """Fit on some companies, measure NDCG@10 on the others.

    Splitting by company, not by row, keeps a company's requests out of the
    training data when it is judged: the model must generalise to companies
    it has never seen, as it will in production.
    """
    n = len(dataset)

    def refuse(reason: str, **figures) -> TrainingResult:
        return TrainingResult(
            n_examples=n,
            n_train=figures.get("n_train", 0),
            n_test=figures.get("n_test", 0),
            ndcg_model=figures.get("ndcg_model"),
            ndcg_baseline=figures.get("ndcg_baseline"),
            ranker=figures.get("ranker"),
            refusal=reason,
        )

    # 1. Enough data, from enough companies to hold some out.
    if n < min_examples:
        return refuse(f"{n} examples, fewer than the {min_examples} required.")
    if len(np.unique(dataset.companies)) < 2:
        return refuse("All examples come from one company: none can be held out.")

    # 2. Split by company.
    from sklearn.model_selection import GroupShuffleSplit

    splitter = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    train_rows, test_rows = next(
        splitter.split(dataset.features, dataset.labels, groups=dataset.companies)
    )
    training, held_out = dataset.subset(train_rows), dataset.subset(test_rows)
    figures: dict = {"n_train": len(training), "n_test": len(held_out)}

    # 3. Fit and compare on the held-out requests.
    estimator = _estimator(seed).fit(training.features, training.labels)
    predicted = estimator.predict(held_out.features)
    figures["ndcg_model"] = mean_ndcg(
        held_out.labels, predicted, held_out.requests, k=NDCG_K
    )
    figures["ndcg_baseline"] = mean_ndcg(
        held_out.labels, held_out.baseline, held_out.requests, k=NDCG_K
    )
    if figures["ndcg_model"] is None or figures["ndcg_baseline"] is None:
        return refuse(
            "The held-out companies have no request with a chosen expert among "
            "several proposals: nothing to measure.",
            **figures,
        )

    # 4. Keep it only when it ranks better than the hand-tuned score.
    trained_at = datetime.datetime.now(datetime.UTC)
    metadata = {
        "feature_names": list(dataset.feature_names),
        "trained_at": trained_at.isoformat(),
        "n_examples": n,
        "ndcg_model": figures["ndcg_model"],
        "ndcg_baseline": figures["ndcg_baseline"],
        "version": f"gbr-{trained_at:%Y%m%d%H%M%S}",
    }
    figures["ranker"] = LearnedRanker(estimator, metadata)
    if figures["ndcg_model"] <= figures["ndcg_baseline"]:
        return refuse(
            "The model does not beat the hand-tuned score on held-out companies.",
            **figures,
        )
    return refuse("", **figures)
