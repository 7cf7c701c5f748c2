import pytest
from django.urls import reverse

from tests.matching.factories import company_of, expert_request, outsider_company

from .factories import CaseStudyFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def _url(expert_request_id) -> str:
    return reverse("knowledge-api:recommendations") + f"?request={expert_request_id}"


def test_it_recommends_content_for_the_members_request(api, pme_member):
    request = expert_request(company_of(pme_member), needs=("TEL",))
    guide = ResourceFactory(title="Guide du télétravail", needs=["TEL"])
    ResourceFactory(title="Hors sujet", needs=["SEC"], dimensions="")

    response = api(pme_member).get(_url(request.pk))

    assert response.status_code == 200
    body = response.json()
    assert body["request"] == request.pk
    assert [row["id"] for row in body["results"]] == [guide.pk]
    assert body["results"][0]["reasons"]
    assert body["results"][0]["page_url"] == guide.get_absolute_url()


def test_it_hides_another_companys_request_with_a_404(api, pme_member):
    request = expert_request(outsider_company())

    response = api(pme_member).get(_url(request.pk))

    assert response.status_code == 404


def test_it_requires_the_request_parameter(api, pme_member):
    response = api(pme_member).get(reverse("knowledge-api:recommendations"))

    assert response.status_code == 400
    assert "request" in response.json()["fields"]


def test_it_requires_signing_in(anonymous_api, pme_member):
    request = expert_request(company_of(pme_member))

    assert anonymous_api.get(_url(request.pk)).status_code == 401


def test_it_recommends_with_a_fixed_number_of_queries(
    api, pme_member, django_assert_max_num_queries
):
    request = expert_request(company_of(pme_member), needs=("TEL", "HRP"))
    for _index in range(4):
        ResourceFactory(needs=["TEL"])
        CaseStudyFactory(needs=["HRP"], dimensions="D5")

    with django_assert_max_num_queries(16):
        response = api(pme_member).get(_url(request.pk))

    assert len(response.json()["results"]) == 6


def test_it_shows_the_panel_on_the_request_page(client, pme_member):
    request = expert_request(company_of(pme_member), needs=("TEL",))
    ResourceFactory(title="Guide du télétravail", needs=["TEL"])
    client.force_login(pme_member)

    html = client.get(
        reverse("matching:request-detail", args=[request.pk])
    ).content.decode()

    assert 'id="recommendations-title"' in html
    assert "Guide du télétravail" in html


def test_it_shows_the_panel_on_the_mission_page(client, pme_member, consultant):
    from matching.models import Engagement

    request = expert_request(company_of(pme_member), needs=("HRP",))
    engagement = Engagement.objects.create(request=request, expert=consultant)
    CaseStudyFactory(title="L'accueil à distance", needs=["HRP"])
    client.force_login(pme_member)

    html = client.get(
        reverse("matching:engagement-detail", args=[engagement.pk])
    ).content.decode()

    assert "L&#x27;accueil à distance" in html
