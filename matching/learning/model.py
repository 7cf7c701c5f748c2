"""The learned ranker: saving, loading (with its feature check), registering."""

import logging
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings

from .dataset import feature_names

logger = logging.getLogger(__name__)


def model_path() -> Path:
    return Path(
        settings.NWOW.get("RANKER_MODEL_PATH", settings.DATA_DIR / "ranker.joblib")
    )


class LearnedRanker:
    """Scores experts from their raw component values.

    Called by the ranking engine as ``ranker(matrix, names)``: ``matrix`` has
    one row per expert and one column per name of ``names``; the columns are
    put in the order the model was trained on.
    """

    def __init__(self, estimator: Any, metadata: dict) -> None:
        self.estimator = estimator
        self.metadata = metadata
        self.feature_names: list[str] = list(metadata["feature_names"])
        self.version: str = str(metadata["version"])

    def __call__(self, matrix: np.ndarray, names) -> np.ndarray:
        matrix = np.asarray(matrix, dtype=float)
        if matrix.shape[0] == 0:
            return np.zeros(0)
        columns = [list(names).index(name) for name in self.feature_names]
        return np.asarray(self.estimator.predict(matrix[:, columns]), dtype=float)


def save_model(ranker: LearnedRanker, path: Path | None = None) -> Path:
    import joblib

    path = path or model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside, then renamed: a web worker never loads half a file.
    partial = path.with_suffix(path.suffix + ".partial")
    joblib.dump({"estimator": ranker.estimator, "metadata": ranker.metadata}, partial)
    partial.replace(path)
    return path


def load_model(path: Path | None = None) -> LearnedRanker | None:
    """The saved ranker, or None when there is none or it does not fit.

    joblib unpickles: the path comes from our settings only, never from a
    request. A model trained on another list of components would read the
    wrong columns, so it is refused.
    """
    path = Path(path or model_path())
    if not path.exists():
        return None
    try:
        import joblib

        stored = joblib.load(path)
        estimator, metadata = stored["estimator"], dict(stored["metadata"])
        stored_names = list(metadata["feature_names"])
    except Exception:
        logger.warning("Learned ranker %s is unreadable: ignored", path, exc_info=True)
        return None
    if stored_names != feature_names():
        logger.warning(
            "Learned ranker %s was trained on components %s, not %s: ignored",
            path,
            stored_names,
            feature_names(),
        )
        return None
    return LearnedRanker(estimator, metadata)


def register_learned_ranker() -> LearnedRanker | None:
    """Load the saved model, if any, and hand it to the ranking engine.

    Called from ``MatchingConfig.ready()``; without a model (or with one that
    does not fit) the hand-tuned score keeps ranking.
    """
    ranker = load_model()
    if ranker is None:
        return None
    try:
        from matching.ranking.engine import register_reranker
    except ImportError:
        logger.warning("No ranking engine to take the learned ranker: ignored")
        return None

    register_reranker(ranker)
    logger.info("Learned ranker %s registered", ranker.version)
    return ranker
