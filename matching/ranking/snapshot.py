"""The approved experts as NumPy arrays, cached in process memory.

Ranking never loads a model instance per expert: ``build_snapshot`` reads
everything ranking needs with a fixed number of ``values_list`` queries
(nine, whatever the number of experts) and packs it into arrays, one row
per expert.

Freshness. The snapshot is kept in this process together with a version
token read from the Django cache. Saving or deleting an Accreditation,
ExpertProfile, Engagement, Rating or Application drops this process's copy
at once and replaces the token when the transaction commits (once per
transaction, so a seeding of thousands of rows writes the cache once). The
production cache is the database cache, shared by every web worker, so all
processes see the new token on their next ranking: one cache read per
ranking. A "max(updated_at)" fingerprint was rejected because Accreditation
and Engagement have no such column and a status change (a suspension, a
closed mission) changes neither their count nor their largest id. Writes
through ``QuerySet.update()`` send no signal; ``MAX_AGE_SECONDS`` bounds how
long such a change can go unseen.
"""

from __future__ import annotations

import datetime
import logging
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count
from django.db.models.signals import post_delete, post_save

from accreditation.models import Accreditation, Application
from core.models import Need, NeedDimension, User
from core.reference.geography import Province
from core.reference.maturity import Dimension
from core.reference.nace import NaceSection
from core.reference.sme import SizeClass

from ..models import Engagement, ExpertProfile, Rating

logger = logging.getLogger(__name__)

VERSION_KEY = "matching:ranking-snapshot-version"
MAX_AGE_SECONDS = 300
DEFAULT_MAX_MISSIONS = 3
PAST_STATES = (Engagement.Status.VALIDATED, Engagement.Status.CLOSED)

LANGUAGES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
PROVINCES: tuple[str, ...] = tuple(Province.values)
SIZES: tuple[str, ...] = tuple(SizeClass.values)
SECTIONS: tuple[str, ...] = tuple(NaceSection.values)
DIMENSIONS: tuple[str, ...] = tuple(Dimension.values)


def _index(values) -> dict[str, int]:
    return {value: i for i, value in enumerate(values)}


LANGUAGE_INDEX = _index(LANGUAGES)
PROVINCE_INDEX = _index(PROVINCES)
SIZE_INDEX = _index(SIZES)
SECTION_INDEX = _index(SECTIONS)
DIMENSION_INDEX = _index(DIMENSIONS)


@dataclass(frozen=True)
class NeedInfo:
    id: int
    code: str
    labels: dict[str, str]
    dimensions: tuple[str, ...]

    def label(self, language: str) -> str:
        return self.labels.get(language[:2]) or self.labels["fr"]


@dataclass
class Snapshot:
    """One row per approved expert; columns follow the vocabularies above.

    ``accredited_since`` holds the proleptic ordinal of the accreditation's
    ``valid_from`` (0 where not accredited); ``approved_on`` the ordinal of
    the expert's first ``valid_from``.
    """

    expert_ids: np.ndarray  # int64 (n,)
    names: list[str]
    needs: list[NeedInfo]  # one per column of ``accredited``
    accredited: np.ndarray  # bool (n, needs)
    accredited_since: np.ndarray  # int32 (n, needs)
    languages: np.ndarray  # bool (n, LANGUAGES)
    provinces: np.ndarray  # bool (n, PROVINCES)
    remote: np.ndarray  # bool (n,)
    max_missions: np.ndarray  # int32 (n,)
    active_missions: np.ndarray  # int32 (n,)
    excluded_sections: np.ndarray  # bool (n, SECTIONS)
    excluded_sizes: np.ndarray  # bool (n, SIZES)
    excluded_provinces: np.ndarray  # bool (n, PROVINCES)
    missions_by_size: np.ndarray  # int32 (n, SIZES)
    missions_by_section: np.ndarray  # int32 (n, SECTIONS)
    rating_count: np.ndarray  # int32 (n,)
    rating_mean: np.ndarray  # float64 (n,), 0 without ratings
    quality: np.ndarray  # float64 (n,) in [0, 1]
    outcome: np.ndarray  # float64 (n, DIMENSIONS) in [0, 1]
    approved_on: np.ndarray  # int32 (n,)
    version: str = ""
    built_at: float = field(default_factory=time.monotonic)
    row_of: dict[int, int] = field(init=False)
    need_column: dict[int, int] = field(init=False)

    def __post_init__(self) -> None:
        self.row_of = {int(pk): i for i, pk in enumerate(self.expert_ids)}
        self.need_column = {need.id: i for i, need in enumerate(self.needs)}
        # Ranking reads whole columns (one need, one province): column-major
        # arrays make each a contiguous block.
        for name, value in vars(self).items():
            if isinstance(value, np.ndarray) and value.ndim == 2:
                setattr(self, name, np.asfortranarray(value))
        self._by_day: dict[tuple[int, int], np.ndarray] = {}

    @cached_property
    def size_experience(self) -> np.ndarray:
        return experience(self.missions_by_size)

    @cached_property
    def section_experience(self) -> np.ndarray:
        return experience(self.missions_by_section)

    @cached_property
    def availability(self) -> np.ndarray:
        return np.divide(
            self.free_capacity,
            self.max_missions,
            out=np.zeros(self.size),
            where=self.max_missions > 0,
        )

    def exploration(self, *, today: datetime.date, days: int) -> np.ndarray:
        """The exploration bonus on ``today``, computed once a day."""
        key = (today.toordinal(), days)
        if key not in self._by_day:
            self._by_day = {key: exploration(self.approved_on, today=today, days=days)}
        return self._by_day[key]

    @property
    def size(self) -> int:
        return len(self.expert_ids)

    @property
    def free_capacity(self) -> np.ndarray:
        return np.maximum(self.max_missions - self.active_missions, 0)


# Experience saturates: the third mission in a sector counts less than the first.
EXPERIENCE_SCALE = 3.0


def experience(count: np.ndarray) -> np.ndarray:
    return 1.0 - np.exp(-count / EXPERIENCE_SCALE)


def exploration(
    approved_on: np.ndarray, *, today: datetime.date, days: int
) -> np.ndarray:
    """1 on the day of approval, decreasing linearly to 0 after ``days``."""
    age = today.toordinal() - approved_on.astype(np.int64)
    return np.clip(1.0 - age / max(days, 1), 0.0, 1.0)


def bayesian_quality(
    count: np.ndarray, total: np.ndarray, *, prior_mean: float, prior_weight: float
) -> np.ndarray:
    """(prior_weight·prior_mean + Σ ratings) / (prior_weight + n), 1–5 → [0, 1].

    The prior pulls experts with few ratings towards the mean, so a single
    5-star mission does not beat a long record of 4.5.
    """
    mean = (prior_weight * prior_mean + total) / (prior_weight + count)
    return np.clip((mean - 1.0) / 4.0, 0.0, 1.0)


def build_snapshot(*, today: datetime.date | None = None) -> Snapshot:
    """Read the approved experts from the database (nine queries)."""
    nwow = settings.NWOW

    # 1. Matchable accreditations define who is an approved expert.
    accreditation_rows = list(
        Accreditation.objects.filter(
            status__in=Accreditation.MATCHABLE_STATES, consultant__is_active=True
        ).values_list("consultant_id", "domain_id", "valid_from")
    )
    expert_ids = np.array(
        sorted({row[0] for row in accreditation_rows}), dtype=np.int64
    )
    row_of = {int(pk): i for i, pk in enumerate(expert_ids)}
    n = len(expert_ids)

    # 2-3. The taxonomy, with each need's dimensions.
    dimensions_of: dict[int, list[str]] = defaultdict(list)
    for need_id, dimension in NeedDimension.objects.values_list("need_id", "dimension"):
        dimensions_of[need_id].append(dimension)
    needs = [
        NeedInfo(
            id=pk,
            code=code,
            labels={"fr": fr, "en": en, "de": de, "nl": nl},
            dimensions=tuple(sorted(dimensions_of[pk])),
        )
        for pk, code, fr, en, de, nl in Need.objects.order_by("id").values_list(
            "id", "code", "label_fr", "label_en", "label_de", "label_nl"
        )
    ]
    need_column = {need.id: i for i, need in enumerate(needs)}

    accredited = np.zeros((n, len(needs)), dtype=bool)
    accredited_since = np.zeros((n, len(needs)), dtype=np.int32)
    approved_on = np.zeros(n, dtype=np.int32)
    for consultant_id, domain_id, valid_from in accreditation_rows:
        row, column = row_of[consultant_id], need_column[domain_id]
        ordinal = valid_from.toordinal()
        accredited[row, column] = True
        previous = accredited_since[row, column]
        accredited_since[row, column] = min(previous or ordinal, ordinal)
        approved_on[row] = min(approved_on[row] or ordinal, ordinal)

    # 4. Names.
    names = [""] * n
    for pk, first, last, email in User.objects.filter(
        pk__in=expert_ids.tolist()
    ).values_list("id", "first_name", "last_name", "email"):
        names[row_of[pk]] = f"{first} {last}".strip() or email

    # 5. Languages, provinces and remote work from the latest approved application.
    languages = np.zeros((n, len(LANGUAGES)), dtype=bool)
    provinces = np.zeros((n, len(PROVINCES)), dtype=bool)
    remote = np.zeros(n, dtype=bool)
    seen: set[int] = set()
    for consultant_id, langs, provs, works_remotely in (
        Application.objects.filter(status=Application.Status.APPROVED)
        .order_by("-updated_at", "-id")
        .values_list("consultant_id", "languages", "provinces", "remote")
    ):
        row = row_of.get(consultant_id)
        if row is None or consultant_id in seen:
            continue
        seen.add(consultant_id)
        _mark(languages[row], LANGUAGE_INDEX, langs)
        _mark(provinces[row], PROVINCE_INDEX, provs)
        remote[row] = bool(works_remotely)

    # 6. Declared capacity and exclusions.
    max_missions = np.full(n, DEFAULT_MAX_MISSIONS, dtype=np.int32)
    excluded_sections = np.zeros((n, len(SECTIONS)), dtype=bool)
    excluded_sizes = np.zeros((n, len(SIZES)), dtype=bool)
    excluded_provinces = np.zeros((n, len(PROVINCES)), dtype=bool)
    for expert_id, maximum, sections, sizes, provs in ExpertProfile.objects.values_list(
        "expert_id",
        "max_concurrent_missions",
        "excluded_sections",
        "excluded_sizes",
        "excluded_provinces",
    ):
        row = row_of.get(expert_id)
        if row is None:
            continue
        max_missions[row] = maximum
        _mark(excluded_sections[row], SECTION_INDEX, sections)
        _mark(excluded_sizes[row], SIZE_INDEX, sizes)
        _mark(excluded_provinces[row], PROVINCE_INDEX, provs)

    # 7. Missions that occupy a slot now.
    active_missions = np.zeros(n, dtype=np.int32)
    for expert_id, count in (
        Engagement.objects.filter(status__in=Engagement.ACTIVE_STATES)
        .values("expert_id")
        .annotate(count=Count("id"))
        .values_list("expert_id", "count")
    ):
        if expert_id in row_of:
            active_missions[row_of[expert_id]] = count

    # 8. Past missions: experience per size and sector, gain per dimension.
    missions_by_size = np.zeros((n, len(SIZES)), dtype=np.int32)
    missions_by_section = np.zeros((n, len(SECTIONS)), dtype=np.int32)
    gain_sum = np.zeros((n, len(DIMENSIONS)))
    gain_count = np.zeros((n, len(DIMENSIONS)))
    for expert_id, size, section, outcome in Engagement.objects.filter(
        status__in=PAST_STATES
    ).values_list(
        "expert_id",
        "request__company__size_class",
        "request__company__nace_section",
        "outcome",
    ):
        row = row_of.get(expert_id)
        if row is None:
            continue
        if size in SIZE_INDEX:
            missions_by_size[row, SIZE_INDEX[size]] += 1
        if section in SECTION_INDEX:
            missions_by_section[row, SECTION_INDEX[section]] += 1
        for dimension, gain in (outcome or {}).items():
            if dimension in DIMENSION_INDEX and isinstance(gain, int | float):
                gain_sum[row, DIMENSION_INDEX[dimension]] += gain
                gain_count[row, DIMENSION_INDEX[dimension]] += 1
    mean_gain = np.divide(
        gain_sum, gain_count, out=np.zeros_like(gain_sum), where=gain_count > 0
    )
    outcome = np.clip(mean_gain / 100.0, 0.0, 1.0)

    # 9. Ratings, averaged with a prior.
    rating_count = np.zeros(n, dtype=np.int32)
    rating_total = np.zeros(n)
    for expert_id, score in Rating.objects.values_list(
        "engagement__expert_id", "score"
    ):
        if expert_id in row_of:
            rating_count[row_of[expert_id]] += 1
            rating_total[row_of[expert_id]] += score
    rating_mean = np.divide(
        rating_total,
        rating_count,
        out=np.zeros(n),
        where=rating_count > 0,
    )
    quality = bayesian_quality(
        rating_count,
        rating_total,
        prior_mean=float(nwow["QUALITY_PRIOR_MEAN"]),
        prior_weight=float(nwow["QUALITY_PRIOR_WEIGHT"]),
    )

    return Snapshot(
        expert_ids=expert_ids,
        names=names,
        needs=needs,
        accredited=accredited,
        accredited_since=accredited_since,
        languages=languages,
        provinces=provinces,
        remote=remote,
        max_missions=max_missions,
        active_missions=active_missions,
        excluded_sections=excluded_sections,
        excluded_sizes=excluded_sizes,
        excluded_provinces=excluded_provinces,
        missions_by_size=missions_by_size,
        missions_by_section=missions_by_section,
        rating_count=rating_count,
        rating_mean=rating_mean,
        quality=quality,
        outcome=outcome,
        approved_on=approved_on,
    )


def _mark(row: np.ndarray, index: dict[str, int], codes) -> None:
    for code in codes or ():
        if code in index:
            row[index[code]] = True


# --- The process cache ------------------------------------------------------

_lock = threading.Lock()
_cached: Snapshot | None = None


def _current_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        # An emptied cache (a restart, a test) counts as a change.
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def get_snapshot() -> Snapshot:
    """The cached snapshot, rebuilt when its version is no longer current."""
    global _cached
    version = _current_version()
    snapshot = _cached
    if (
        snapshot is not None
        and snapshot.version == version
        and time.monotonic() - snapshot.built_at < MAX_AGE_SECONDS
    ):
        return snapshot
    with _lock:
        snapshot = build_snapshot()
        snapshot.version = version
        _cached = snapshot
    logger.info("Ranking snapshot rebuilt: %s experts", snapshot.size)
    return snapshot


def invalidate_snapshot() -> None:
    """Make every process rebuild its snapshot on its next ranking."""
    global _cached
    _cached = None
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _forget_local() -> None:
    global _cached
    _cached = None


def _on_change(sender, using=None, **kwargs) -> None:
    # This process forgets its copy at once (its own next ranking, even in
    # the same transaction, reads the change); the other processes learn of
    # it when the transaction commits, once per transaction however many
    # rows it saves: a rolled-back change never reaches them.
    _forget_local()
    connection = transaction.get_connection(using)
    pending = any(
        callback is invalidate_snapshot
        for _savepoints, callback, *_robust in connection.run_on_commit
    )
    if not pending:
        transaction.on_commit(invalidate_snapshot, using=using)


WATCHED_MODELS = (Accreditation, ExpertProfile, Engagement, Rating, Application)


def connect_snapshot_invalidation() -> None:
    """Connect the invalidation signals (called from the app's ``ready``)."""
    for model in WATCHED_MODELS:
        uid = f"matching-ranking-snapshot-{model._meta.label_lower}"
        post_save.connect(_on_change, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"{uid}-delete")
