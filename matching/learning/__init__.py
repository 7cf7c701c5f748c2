"""Learning to rank from past missions (``manage.py train_ranker``).

The features of a proposal are the raw values, each in [0, 1], of the
ranking's components (``matching.weights.COMPONENTS``): the stored
``Proposal.components`` hold weighted contributions, which are divided by the
weights of the proposal's own ``WeightsVersion``. Raw values are what the
ranking engine computes before weighting, so the learned model reads the
same matrix at ranking time, whatever the current weights.

A model is used only when it beats the hand-tuned score on held-out
companies and was trained on enough examples; see ``training.train``.
"""

from .dataset import Dataset, build_dataset, feature_names, relevance
from .metrics import mean_ndcg
from .model import (
    LearnedRanker,
    load_model,
    model_path,
    register_learned_ranker,
    save_model,
)
from .training import TrainingResult, train

__all__ = [
    "Dataset",
    "LearnedRanker",
    "TrainingResult",
    "build_dataset",
    "feature_names",
    "load_model",
    "mean_ndcg",
    "model_path",
    "register_learned_ranker",
    "relevance",
    "save_model",
    "train",
]
