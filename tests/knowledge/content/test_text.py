from knowledge.text import normalize, terms


def test_it_strips_accents_and_case():
    assert (
        normalize("  Télétravail  ÉNERGÉTIQUE Straße ")
        == "teletravail energetique strasse"
    )


def test_it_splits_a_query_into_distinct_normalised_words():
    assert terms("Télétravail, charte & TELETRAVAIL") == ["teletravail", "charte"]
