"""Past proposals as a learning-to-rank data set: features, labels, groups."""

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..models import Engagement, Proposal
from ..weights import COMPONENTS

# An engagement in one of these states was accepted by the expert at some point.
ACCEPTED_STATES = frozenset(
    {
        Engagement.Status.ACCEPTED,
        Engagement.Status.IN_PROGRESS,
        Engagement.Status.REPORT_SUBMITTED,
        Engagement.Status.RETURNED,
        Engagement.Status.VALIDATED,
        Engagement.Status.CLOSED,
    }
)
# A mean gain of 50 points on the scan's 0–100 scale is an exceptional
# mission: it earns the full bonus, more earns no more.
GAIN_FOR_FULL_BONUS = 50.0


def feature_names() -> list[str]:
    return list(COMPONENTS)


def raw_features(components: Mapping, weights: Mapping) -> list[float]:
    """The raw component values of one proposal, in ``feature_names()`` order.

    A stored component is either its weighted contribution (divided here by
    its weight) or a mapping with its raw ``value``. A component whose weight
    was zero contributed nothing and left no trace of its value: 0.
    """
    values = []
    for name in feature_names():
        stored = components.get(name, 0.0)
        if isinstance(stored, Mapping):
            values.append(float(stored.get("value", 0.0) or 0.0))
            continue
        weight = float(weights.get(name, 0.0) or 0.0)
        values.append(float(stored or 0.0) / weight if weight > 0 else 0.0)
    return values


def relevance(
    *,
    chosen: bool,
    accepted: bool = False,
    rating: int | None = None,
    outcome: Mapping[str, float] | None = None,
) -> float:
    """Graded relevance of a proposal, from 0 (not chosen) to 4.

    1 for being chosen, +1 if the expert accepted the mission, + rating / 5,
    + the mean of the positive gains per dimension / 50 (at most 1).
    """
    if not chosen:
        return 0.0
    label = 1.0
    if accepted:
        label += 1.0
    if rating:
        label += float(rating) / 5.0
    gains = [
        max(0.0, float(gain)) for gain in (outcome or {}).values() if gain is not None
    ]
    if gains:
        label += min(1.0, (sum(gains) / len(gains)) / GAIN_FOR_FULL_BONUS)
    return label


@dataclass
class Dataset:
    """One row per proposal; ``requests`` group rows for NDCG, ``companies``
    keep every request of a company on one side of the split."""

    features: np.ndarray
    labels: np.ndarray
    baseline: np.ndarray
    requests: np.ndarray
    companies: np.ndarray
    feature_names: list[str]

    def __len__(self) -> int:
        return len(self.labels)

    def subset(self, rows: np.ndarray) -> "Dataset":
        return Dataset(
            features=self.features[rows],
            labels=self.labels[rows],
            baseline=self.baseline[rows],
            requests=self.requests[rows],
            companies=self.companies[rows],
            feature_names=self.feature_names,
        )


def build_dataset() -> Dataset:
    """Every stored proposal with its outcome, in two queries."""
    engagements = {
        (row["request_id"], row["expert_id"]): row
        for row in Engagement.objects.values(
            "request_id", "expert_id", "status", "outcome", "rating__score"
        )
    }
    rows = list(
        Proposal.objects.order_by("request_id", "rank", "id").values_list(
            "request_id",
            "request__company_id",
            "expert_id",
            "score",
            "components",
            "weights_version__weights",
            "chosen",
        )
    )

    features, labels, baseline, requests, companies = [], [], [], [], []
    for request_id, company_id, expert_id, score, components, weights, chosen in rows:
        engagement = engagements.get((request_id, expert_id))
        # An engagement with this expert means the company chose them, even if
        # the proposal's flag was not set.
        chosen = bool(chosen or engagement)
        features.append(raw_features(components or {}, weights or {}))
        labels.append(
            relevance(
                chosen=chosen,
                accepted=bool(engagement and engagement["status"] in ACCEPTED_STATES),
                rating=engagement["rating__score"] if engagement else None,
                outcome=engagement["outcome"] if engagement else None,
            )
        )
        baseline.append(float(score))
        requests.append(request_id)
        companies.append(company_id)

    width = len(feature_names())
    return Dataset(
        features=np.array(features, dtype=float).reshape(-1, width),
        labels=np.array(labels, dtype=float),
        baseline=np.array(baseline, dtype=float),
        requests=np.array(requests, dtype=np.int64),
        companies=np.array(companies, dtype=np.int64),
        feature_names=feature_names(),
    )
