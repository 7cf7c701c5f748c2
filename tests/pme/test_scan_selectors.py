"""Reads of the scan: suggestions, benchmark, history (pme/selectors/scans.py)."""

import pytest

from pme.scoring import ScanResult
from pme.selectors.scans import (
    assessment_latest,
    benchmark,
    latest_scans_for_user,
    scan_history,
    suggested_needs,
)
from pme.services.scans import assessment_submit
from tests.pme.factories import CompanyFactory
from tests.pme.scans import WORKED_EXAMPLE, stored_scan

SCORES = {"D1": 50.0, "D2": 50.0, "D3": 50.0, "D4": 50.0, "D5": 50.0, "D6": 50.0}


@pytest.fixture
def company(db):
    return CompanyFactory()


def test_it_suggests_the_needs_of_the_weakest_dimensions_weakest_first(company):
    assessment = assessment_submit(
        user=company.created_by, company=company, answers=WORKED_EXAMPLE
    )

    # Weakest: D5 (20), then D2 (50). D5: HRP, LEG; D2: TEL, SPA (and LEG).
    codes = [need.code for need in suggested_needs(assessment)]
    assert codes == ["HRP", "LEG", "TEL", "SPA"]


def test_it_suggests_nothing_without_any_score(db):
    empty = ScanResult(dict.fromkeys(SCORES), None, None)

    assert suggested_needs(empty) == []


def test_it_suggests_the_needs_of_one_dimension_when_asked_for_one(db):
    result = ScanResult({**SCORES, "D6": 10.0}, 43.3, 3)

    assert [need.code for need in suggested_needs(result, count=1)] == ["SPA", "SEC"]


def _peers(count, **fields):
    return [CompanyFactory(**fields) for _ in range(count)]


def test_no_benchmark_below_five_comparable_companies(company):
    mine = stored_scan(company, SCORES, 50)
    for peer in _peers(4):
        stored_scan(peer, SCORES, 50)

    result = benchmark(mine)

    assert not result.available
    assert result.group_size == 4
    assert result.minimum == 5
    assert result.dimension_scores is None


def test_the_benchmark_gives_medians_of_the_latest_scans_of_five_peers(company):
    mine = stored_scan(company, SCORES, 50)
    for index, peer in enumerate(_peers(5), start=1):
        stored_scan(peer, {"D1": 90.0, "D2": 90.0}, 90, days_ago=100)  # older
        d2 = None if index == 5 else index * 10.0
        stored_scan(peer, {"D1": index * 10.0, "D2": d2}, index * 10, days_ago=1)
    # Same size and sector, another province: not comparable.
    stored_scan(CompanyFactory(postal_code="4000", province="BE-WLG"), SCORES, 99)

    result = benchmark(mine)

    assert result.available
    assert result.group_size == 5
    assert result.dimension_scores["D1"] == 30.0  # 10 20 30 40 50
    assert result.dimension_scores["D2"] == 25.0  # 10 20 30 40 (one null)
    assert result.dimension_scores["D3"] is None  # nobody answered
    assert result.overall_score == 30.0


def test_the_benchmark_group_threshold_comes_from_settings(company, settings):
    settings.NWOW = {**settings.NWOW, "BENCHMARK_MIN_GROUP": 2}
    mine = stored_scan(company, SCORES, 50)
    for peer in _peers(2, size_class="small"):
        stored_scan(peer, SCORES, 40)

    assert benchmark(mine).overall_score == 40.0


def test_peers_without_a_scan_do_not_count(company):
    mine = stored_scan(company, SCORES, 50)
    _peers(6)

    assert benchmark(mine).group_size == 0


def test_the_history_lists_each_dimension_oldest_first(company):
    old = stored_scan(company, {**SCORES, "D1": 20.0, "D4": None}, 40, days_ago=300)
    new = stored_scan(company, {**SCORES, "D1": 70.0}, 60, days_ago=2)

    history = scan_history(company)

    assert history.scans == [old, new]
    assert history.dimensions["D1"] == [20.0, 70.0]
    assert history.dimensions["D4"] == [None, 50.0]
    assert history.overall == [40.0, 60.0]
    assert assessment_latest(company) == new


def test_the_dashboard_reads_each_company_and_its_latest_scan(
    company, django_assert_num_queries
):
    user = company.created_by
    second = CompanyFactory(name="Zèbre SRL")
    second.memberships.create(user=user)
    stored_scan(company, SCORES, 50, days_ago=30)
    latest = stored_scan(company, SCORES, 55)

    with django_assert_num_queries(2):
        entries = latest_scans_for_user(user=user)

    assert entries == [(company, latest), (second, None)]
