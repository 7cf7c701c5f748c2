import pytest
from django.urls import reverse

from core.models import AuditEntry

from .factories import CapsuleFactory, CaseStudyFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def _ids(response) -> list[int]:
    return [row["id"] for row in response.json()["results"]]


def test_it_lists_published_case_studies_to_anyone(anonymous_api):
    shown = CaseStudyFactory()
    CaseStudyFactory(status="draft")

    response = anonymous_api.get(reverse("knowledge-api:case-study-list"))

    assert response.status_code == 200
    assert _ids(response) == [shown.pk]
    assert {"results", "next", "previous"} <= set(response.json())


def test_it_lists_every_state_to_editors(api, editor):
    CaseStudyFactory()
    CaseStudyFactory(status="draft")

    response = api(editor).get(reverse("knowledge-api:case-study-list"))

    assert len(response.json()["results"]) == 2


def test_it_hides_a_draft_from_readers_with_a_404(api, pme_member):
    draft = CapsuleFactory(status="draft")

    response = api(pme_member).get(
        reverse("knowledge-api:capsule-detail", args=[draft.pk])
    )

    assert response.status_code == 404


def test_it_filters_by_need_province_dimension_and_text(anonymous_api):
    match = CaseStudyFactory(
        title="Télétravail à Liège", needs=["TEL"], province="BE-WLG", dimensions="D2"
    )
    CaseStudyFactory(title="Télétravail à Namur", needs=["TEL"], province="BE-WNA")
    CaseStudyFactory(title="Flex office", needs=["SPA"], province="BE-WLG")

    response = anonymous_api.get(
        reverse("knowledge-api:case-study-list"),
        {"need": "TEL", "province": "BE-WLG", "dimension": "D2", "q": "teletravail"},
    )

    assert _ids(response) == [match.pk]


def test_it_refuses_an_unknown_code_in_a_filter(anonymous_api):
    response = anonymous_api.get(
        reverse("knowledge-api:resource-list"), {"province": "BE-BRU"}
    )

    assert response.status_code == 400
    assert "province" in response.json()["fields"]


def test_it_lists_with_a_fixed_number_of_queries(
    anonymous_api, django_assert_max_num_queries
):
    for _index in range(5):
        CaseStudyFactory(needs=["TEL", "MGT"]).figures.create(value="-20 %", label="x")

    with django_assert_max_num_queries(6):
        response = anonymous_api.get(reverse("knowledge-api:case-study-list"))

    assert len(response.json()["results"]) == 5


def test_it_publishes_through_the_api_and_returns_the_new_status(api, editor):
    item = ResourceFactory(status="in_review")

    response = api(editor).post(
        reverse("knowledge-api:resource-publish", args=[item.pk])
    )

    assert response.status_code == 200
    assert response.json()["status"] == "published"


def test_it_refuses_the_workflow_to_a_reader(api, pme_member):
    item = CaseStudyFactory()

    response = api(pme_member).post(
        reverse("knowledge-api:case-study-archive", args=[item.pk])
    )

    assert response.status_code == 403
    item.refresh_from_db()
    assert item.status == "published"


def test_it_refuses_the_workflow_to_anonymous_callers(anonymous_api):
    item = CaseStudyFactory()

    response = anonymous_api.post(
        reverse("knowledge-api:case-study-archive", args=[item.pk])
    )

    assert response.status_code == 401


def test_it_answers_409_when_the_state_does_not_allow_the_action(api, editor):
    item = CapsuleFactory(status="draft")

    response = api(editor).post(
        reverse("knowledge-api:capsule-publish", args=[item.pk])
    )

    assert response.status_code == 409
    assert response.json()["code"] == "transition_not_allowed"


def test_it_requires_a_reason_to_return_an_item(api, editor):
    item = CapsuleFactory(status="in_review")
    url = reverse("knowledge-api:capsule-return", args=[item.pk])

    refused = api(editor).post(url, {"reason": ""})
    returned = api(editor).post(url, {"reason": "Ajoutez les sous-titres."})

    assert refused.status_code == 400
    assert returned.json()["status"] == "draft"


def test_it_gives_the_history_to_editors_only(api, editor, pme_member):
    item = CaseStudyFactory(status="draft")
    api(editor).post(reverse("knowledge-api:case-study-submit", args=[item.pk]))
    url = reverse("knowledge-api:case-study-history", args=[item.pk])

    history = api(editor).get(url).json()

    assert [(e["from_status"], e["to_status"]) for e in history] == [
        ("draft", "in_review")
    ]
    assert api(pme_member).get(url).status_code == 404  # a draft: not theirs


def test_it_exports_the_filtered_resources_as_bibtex(anonymous_api):
    ResourceFactory(
        title="Does Working from Home Work?",
        resource_kind="publication",
        authors="Bloom, Nicholas; Liang, James",
        year=2015,
        publisher="The Quarterly Journal of Economics",
        doi="10.1093/qje/qju032",
        language="en",
    )
    ResourceFactory(title="Guide interne", language="fr")

    response = anonymous_api.get(
        reverse("knowledge-api:resource-export-bib"), {"language": "en"}
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith("@article{bloom2015does,")
    assert "doi = {10.1093/qje/qju032}" in body
    assert "Guide interne" not in body


def test_it_exports_resources_as_csv(anonymous_api):
    ResourceFactory(title="=HYPERLINK(1)", needs=["TEL"])

    response = anonymous_api.get(reverse("knowledge-api:resource-export-csv"))

    lines = response.content.decode().splitlines()
    assert lines[0].startswith("id,kind,title,authors,year")
    assert "'=HYPERLINK(1)" in lines[1]
    assert response["Content-Type"].startswith("text/csv")


def test_it_searches_with_facets(anonymous_api):
    CaseStudyFactory(title="Télétravail à Liège", province="BE-WLG")
    ResourceFactory(title="Télétravail : chiffres", province="")

    response = anonymous_api.get(reverse("knowledge-api:search"), {"q": "teletravail"})

    body = response.json()
    assert body["count"] == 2
    assert {hit["kind"] for hit in body["results"]} == {"case_study", "resource"}
    kinds = next(f for f in body["facets"] if f["name"] == "kind")
    assert {v["value"]: v["count"] for v in kinds["values"]} == {
        "case_study": 1,
        "resource": 1,
    }


def test_it_reads_an_empty_facet_as_any_as_a_search_form_sends_it(anonymous_api):
    CaseStudyFactory(title="Télétravail à Liège", province="BE-WLG")

    response = anonymous_api.get(
        reverse("knowledge-api:search"),
        {"q": "teletravail", "sector": "", "province": "", "kind": "", "language": ""},
    )

    assert response.status_code == 200
    assert response.json()["count"] == 1


@pytest.mark.parametrize("size", ["abc", "0", "-3"])
def test_it_refuses_a_page_size_that_is_not_a_whole_number_from_one(
    anonymous_api, size
):
    response = anonymous_api.get(
        reverse("knowledge-api:case-study-list"),
        {"page_size": size},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert response.json()["fields"]["page_size"] == ["Enter a whole number from 1."]


def test_it_caps_a_page_size_above_the_maximum(anonymous_api):
    for _index in range(3):
        CaseStudyFactory()

    response = anonymous_api.get(
        reverse("knowledge-api:case-study-list"), {"page_size": "1000"}
    )

    assert response.status_code == 200
    assert len(response.json()["results"]) == 3


def test_it_refuses_an_unknown_need_in_the_search(anonymous_api):
    response = anonymous_api.get(reverse("knowledge-api:search"), {"need": "XYZ"})

    assert response.status_code == 400


def test_it_searches_with_a_fixed_number_of_queries(
    anonymous_api, django_assert_max_num_queries
):
    for _index in range(4):
        CaseStudyFactory(needs=["TEL"])
        CapsuleFactory(needs=["COL"])
        ResourceFactory(needs=["MGT"])

    # Per kind: tags, needs, then the page's items and their needs; plus labels.
    with django_assert_max_num_queries(13):
        response = anonymous_api.get(reverse("knowledge-api:search"))

    assert response.json()["count"] == 12


def test_it_audits_each_api_transition(api, editor):
    item = CaseStudyFactory(status="in_review")

    api(editor).post(reverse("knowledge-api:case-study-publish", args=[item.pk]))

    entry = AuditEntry.objects.get(object_id=str(item.pk))
    assert (entry.action, entry.actor) == ("knowledge.case_study.published", editor)


def test_it_leaves_drafts_out_of_the_api_exports(anonymous_api):
    ResourceFactory(title="Publiée")
    ResourceFactory(title="Brouillon", status="draft")

    body = anonymous_api.get(reverse("knowledge-api:resource-export-csv"))

    assert "Publiée" in body.content.decode()
    assert "Brouillon" not in body.content.decode()
