"""The cross-kind search; run on SQLite and on PostgreSQL (DATABASE_URL)."""

import pytest
from django.db import connection

from knowledge.selectors.search import load_items, search

from .factories import CapsuleFactory, CaseStudyFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def _titles(results) -> list[str]:
    return [hit.item.title for hit in load_items(results.hits)]


def _facet(results, name) -> dict[str, int]:
    facet = next(f for f in results.facets if f.name == name)
    return {value.value: value.count for value in facet.values}


def test_it_finds_accented_words_typed_without_accents():
    CaseStudyFactory(title="Le télétravail structurel chez Bois & Co")
    ResourceFactory(title="Guide du flex office")

    results = search(query="teletravail")

    assert _titles(results) == ["Le télétravail structurel chez Bois & Co"]


def test_it_finds_words_typed_with_accents_and_capitals():
    CapsuleFactory(title="Réunions hybrides", transcript="Une ÉQUIPE répartie.")

    assert _titles(search(query="RÉUNIONS équipe")) == ["Réunions hybrides"]


def test_it_requires_every_word():
    CaseStudyFactory(title="Télétravail en imprimerie")
    CaseStudyFactory(title="Télétravail en boulangerie")

    results = search(query="teletravail imprimerie")

    assert _titles(results) == ["Télétravail en imprimerie"]


def test_it_searches_across_the_three_kinds():
    CaseStudyFactory(title="Télétravail à Namur")
    CapsuleFactory(title="Le télétravail en 3 minutes")
    ResourceFactory(title="Statistiques du télétravail")

    results = search(query="télétravail")

    assert sorted(hit.kind for hit in results.hits) == [
        "capsule",
        "case_study",
        "resource",
    ]


def test_it_shows_published_content_only():
    CaseStudyFactory(title="Télétravail publié")
    CaseStudyFactory(title="Télétravail en brouillon", status="draft")
    CaseStudyFactory(title="Télétravail archivé", status="archived")

    assert _titles(search(query="teletravail")) == ["Télétravail publié"]


def test_it_ranks_a_match_in_the_title_before_one_in_the_story():
    CaseStudyFactory(title="Une menuiserie", results="Le télétravail a aidé.")
    CaseStudyFactory(title="Le télétravail chez un imprimeur")

    results = search(query="teletravail")

    assert _titles(results)[0] == "Le télétravail chez un imprimeur"


def test_it_counts_facets_and_filters_by_them():
    CaseStudyFactory(province="BE-WLG", needs=["TEL"], dimensions="D2")
    CaseStudyFactory(province="BE-WNA", needs=["TEL", "MGT"], dimensions="D2 D4")
    ResourceFactory(province="", needs=["MGT"], year=2015, language="en")

    everything = search()
    assert _facet(everything, "kind") == {"case_study": 2, "resource": 1}
    assert _facet(everything, "need") == {"TEL": 2, "MGT": 2}
    assert _facet(everything, "dimension") == {"D2": 2, "D4": 1}
    assert _facet(everything, "language") == {"fr": 2, "en": 1}

    liege = search(chosen={"province": "BE-WLG"})
    assert len(liege.hits) == 1
    # A chosen facet keeps showing its alternatives with their counts.
    assert _facet(liege, "province") == {"BE-WLG": 1, "BE-WNA": 1}
    assert _facet(liege, "need") == {"TEL": 1}


def test_it_combines_facets_with_the_text():
    CaseStudyFactory(title="Télétravail à Liège", province="BE-WLG", needs=["TEL"])
    CaseStudyFactory(title="Télétravail à Namur", province="BE-WNA", needs=["TEL"])
    CaseStudyFactory(title="Flex office à Liège", province="BE-WLG", needs=["SPA"])

    results = search(query="teletravail", chosen={"province": "BE-WLG"})

    assert _titles(results) == ["Télétravail à Liège"]
    assert _facet(results, "need") == {"TEL": 1}


def test_it_filters_by_year_and_kind():
    ResourceFactory(title="Étude 2015", year=2015)
    ResourceFactory(title="Étude 2023", year=2023)
    CaseStudyFactory(title="Étude de cas", year=2023)

    results = search(chosen={"year": 2023, "kind": "resource"})

    assert _titles(results) == ["Étude 2023"]


def test_it_ignores_a_query_of_punctuation_only():
    CaseStudyFactory(title="Télétravail")

    assert len(search(query="  ,;! ").hits) == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="French stemming is PostgreSQL's"
)
def test_it_stems_french_words_on_postgresql():
    CaseStudyFactory(title="Des réunions hybrides mieux animées")

    assert _titles(search(query="reunion anime")) == [
        "Des réunions hybrides mieux animées"
    ]


def test_it_matches_the_start_of_a_word():
    CapsuleFactory(title="Le télétravail occasionnel")

    assert _titles(search(query="teletrav")) == ["Le télétravail occasionnel"]
