"""Shared builders of the batch assignment tests (this module holds no test).

``fake_ranking`` replaces the ranking engine's ``score_matrix`` with one that
returns fixed arrays, so that the solver's choices are known in advance.
"""

import numpy as np
import pytest

from core.roles import Role
from tests.factories import UserFactory
from tests.matching.factories import company_of, expert_request

NO = -np.inf


class FakeEngine:
    """``score_matrix`` returns the experts, a score row per request, capacities."""

    def __init__(self):
        self.experts: list = []
        self.rows: dict[int, list[float]] = {}
        self.capacity: list[int] = []
        self.seen: list[int] = []
        self.components: dict[str, float] = {}

    def score_matrix(self, requests):
        self.seen = [row.pk for row in requests]
        scores = np.array([self.rows[row.pk] for row in requests], dtype=float)
        expert_ids = np.array([expert.pk for expert in self.experts])
        return expert_ids, scores, np.array(self.capacity)

    def proposal_components(self, request, expert_id):
        return self.components


@pytest.fixture
def fake_ranking(monkeypatch):
    from matching.ranking import engine as real_engine

    engine = FakeEngine()
    monkeypatch.setattr(real_engine, "score_matrix", engine.score_matrix)
    monkeypatch.setattr(real_engine, "proposal_components", engine.proposal_components)
    return engine


@pytest.fixture
def wave(pme_member, fake_ranking):
    """Two open requests, two experts of one slot each, greedy is not optimal."""
    company = company_of(pme_member)
    requests = [expert_request(company), expert_request(company)]
    fake_ranking.experts = UserFactory.create_batch(2, roles=[Role.CONSULTANT])
    # Greedy takes 0.9 first and is left with 0.1 (1.0); the optimum is 1.65.
    fake_ranking.rows = {requests[0].pk: [0.9, 0.8], requests[1].pk: [0.85, 0.1]}
    fake_ranking.capacity = [1, 1]
    return requests
