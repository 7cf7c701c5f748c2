import pytest

from knowledge.selectors.recommendations import recommendations_for

from .factories import CapsuleFactory, CaseStudyFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def _recommend(**kwargs):
    arguments = {
        "needs": ["TEL"],
        "weak_dimensions": ["D2"],
        "sector": "C",
        "size_class": "small",
        "language": "fr",
        **kwargs,
    }
    return recommendations_for(**arguments)


def test_it_recommends_content_for_the_needs_and_weakest_dimensions():
    need = ResourceFactory(title="Guide du télétravail", needs=["TEL"])
    dimension = CapsuleFactory(title="Horaires flexibles", dimensions="D2")
    ResourceFactory(title="Sans rapport", needs=["SEC"], dimensions="D6")

    titles = [rec.item.title for rec in _recommend()]

    assert set(titles) == {need.title, dimension.title}


def test_it_puts_the_best_match_first_and_says_why():
    ResourceFactory(title="Une seule raison", needs=["TEL"])
    CaseStudyFactory(title="Deux raisons", needs=["TEL"], dimensions="D2")

    first = _recommend()[0]

    assert first.item.title == "Deux raisons"
    assert len(first.reasons) == 2
    assert any("D2" in reason or "flexib" in reason.lower() for reason in first.reasons)


def test_it_puts_the_readers_language_first():
    ResourceFactory(title="In English", needs=["TEL"], dimensions="D2", language="en")
    ResourceFactory(title="En français", needs=["TEL"], language="fr")

    titles = [rec.item.title for rec in _recommend()]

    assert titles == ["En français", "In English"]


def test_it_adds_peers_of_the_same_sector_and_size_after_the_matches():
    CaseStudyFactory(title="Un pair", sector="C", size_class="small", needs=["SEC"])
    ResourceFactory(title="Pour le besoin", needs=["TEL"], language="en")
    CaseStudyFactory(title="Même secteur seul", sector="C", size_class="medium")

    recommendations = _recommend()

    assert [rec.item.title for rec in recommendations] == ["Pour le besoin", "Un pair"]
    assert recommendations[1].tier == 2


def test_it_recommends_published_content_only():
    ResourceFactory(title="Brouillon", needs=["TEL"], status="draft")

    assert _recommend() == []


def test_it_keeps_to_the_limit():
    for _index in range(8):
        ResourceFactory(needs=["TEL"])

    assert len(_recommend(limit=3)) == 3
