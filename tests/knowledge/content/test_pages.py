import pytest
from django.urls import reverse

from .factories import CapsuleFactory, CaseStudyFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def test_it_shows_the_hub_with_the_latest_content(client):
    CaseStudyFactory(title="Le télétravail chez Bois & Co")
    CaseStudyFactory(title="Brouillon caché", status="draft")

    response = client.get(reverse("knowledge:home"))

    assert response.status_code == 200
    assert "Le télétravail chez Bois &amp; Co" in response.content.decode()
    assert "Brouillon caché" not in response.content.decode()


def test_it_searches_without_accents_on_the_page(client):
    CaseStudyFactory(title="Télétravail à Liège", province="BE-WLG")
    ResourceFactory(title="Flex office")

    response = client.get(reverse("knowledge:search"), {"q": "teletravail"})

    page = response.content.decode()
    assert "Télétravail à Liège" in page
    assert "Flex office" not in page
    assert "?q=teletravail&amp;province=BE-WLG" in page  # the facet link


def test_it_lists_each_kind_with_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    for _index in range(3):
        CaseStudyFactory(needs=["TEL"])
        CapsuleFactory(needs=["COL"])
        ResourceFactory(needs=["MGT"])

    for name in ("case-study-list", "capsule-list", "resource-list"):
        with django_assert_max_num_queries(14):
            response = client.get(reverse(f"knowledge:{name}"))
        assert response.status_code == 200


def test_it_tells_a_case_study_as_a_story(client):
    item = CaseStudyFactory(title="La menuiserie Delvaux")
    item.figures.create(value="−30 %", label="de surface de bureaux")
    item.quotes.create(text="Nous avons gagné en confiance.", author_name="Anne")

    page = client.get(reverse("knowledge:case-study-detail", args=[item.pk]))

    html = page.content.decode()
    assert "−30 %" in html
    assert "Nous avons gagné en confiance." in html
    assert '<h2 class="h4">' in html


def test_it_plays_a_capsule_with_subtitles_and_its_transcript(client):
    from django.core.files.base import ContentFile

    from .factories import MP4_HEAD, VTT

    capsule = CapsuleFactory(transcript="Bienvenue dans cette capsule.")
    capsule.video_file.save("c.mp4", ContentFile(MP4_HEAD), save=False)
    capsule.subtitles_file.save("c.vtt", ContentFile(VTT.encode()), save=False)
    capsule.video_type = "video/mp4"
    capsule.save()

    html = client.get(
        reverse("knowledge:capsule-detail", args=[capsule.pk])
    ).content.decode()

    assert reverse("knowledge:capsule-video", args=[capsule.pk]) in html
    assert '<track kind="subtitles"' in html
    assert "Bienvenue dans cette capsule." in html


def test_it_shows_a_resource_citation_doi_and_bibtex(client):
    item = ResourceFactory(
        doi="10.1093/qje/qju032", title="Does Working from Home Work?"
    )

    html = client.get(
        reverse("knowledge:resource-detail", args=[item.pk])
    ).content.decode()

    assert "https://doi.org/10.1093/qje/qju032" in html
    assert "@techreport{" in html


def test_it_exports_the_filtered_list_from_the_page(client):
    ResourceFactory(title="Étude en anglais", language="en")
    ResourceFactory(title="Étude en français", language="fr")

    response = client.get(reverse("knowledge:resource-export-csv"), {"language": "en"})

    body = response.content.decode()
    assert "Étude en anglais" in body
    assert "Étude en français" not in body


def test_it_hides_drafts_from_the_public(client, pme_member):
    draft = CaseStudyFactory(status="draft")
    client.force_login(pme_member)

    response = client.get(reverse("knowledge:case-study-detail", args=[draft.pk]))

    assert response.status_code == 404


def test_it_lets_an_editor_preview_a_draft_with_the_workflow_buttons(client, editor):
    draft = CaseStudyFactory(status="draft")
    client.force_login(editor)

    html = client.get(
        reverse("knowledge:case-study-detail", args=[draft.pk])
    ).content.decode()

    submit_url = reverse(
        "knowledge:content-transition", args=["case_study", draft.pk, "submit"]
    )
    assert submit_url in html


def test_it_shows_the_review_queue_to_editors_only(client, editor, reviewer):
    CaseStudyFactory(title="À relire", status="in_review")

    client.force_login(reviewer)
    assert client.get(reverse("knowledge:editor-queue")).status_code == 404
    client.force_login(editor)
    assert "À relire" in client.get(reverse("knowledge:editor-queue")).content.decode()


def test_it_publishes_from_the_queue(client, editor):
    item = CapsuleFactory(status="in_review")
    client.force_login(editor)

    response = client.post(
        reverse("knowledge:content-transition", args=["capsule", item.pk, "publish"])
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "published"


def test_it_refuses_a_transition_posted_by_a_reader(client, pme_member):
    item = CapsuleFactory()
    client.force_login(pme_member)

    client.post(
        reverse("knowledge:content-transition", args=["capsule", item.pk, "archive"])
    )

    item.refresh_from_db()
    assert item.status == "published"


def test_it_shows_the_workflow_buttons_in_the_admin(client, editor):
    item = ResourceFactory(status="in_review")
    client.force_login(editor)

    html = client.get(
        reverse("admin:knowledge_resource_change", args=[item.pk])
    ).content.decode()

    assert (
        reverse("knowledge:content-transition", args=["resource", item.pk, "publish"])
        in html
    )


def test_it_shows_the_review_panel_on_the_editors_dashboard(client, editor, reviewer):
    CaseStudyFactory(title="Témoignage à relire", status="in_review")

    client.force_login(editor)
    shown = client.get(reverse("core:dashboard")).content.decode()
    client.force_login(reviewer)
    hidden = client.get(reverse("core:dashboard")).content.decode()

    assert "Témoignage à relire" in shown
    assert 'data-panel="knowledge-review"' not in hidden


@pytest.mark.parametrize(
    ("factory", "url_name"),
    [
        (CaseStudyFactory, "knowledge:case-study-detail"),
        (CapsuleFactory, "knowledge:capsule-detail"),
        (CapsuleFactory, "knowledge:capsule-subtitles"),
        (ResourceFactory, "knowledge:resource-detail"),
        (ResourceFactory, "knowledge:resource-file"),
    ],
)
def test_it_answers_404_for_any_page_of_an_unpublished_item(
    client, pme_member, factory, url_name
):
    item = factory(status="in_review")
    client.force_login(pme_member)

    assert client.get(reverse(url_name, args=[item.pk])).status_code == 404


def test_it_leaves_unpublished_resources_out_of_the_exports(client):
    ResourceFactory(title="Publiée")
    ResourceFactory(title="Brouillon", status="draft")

    body = client.get(reverse("knowledge:resource-export-bib")).content.decode()

    assert "Publiée" in body and "Brouillon" not in body


def test_it_keeps_the_query_when_another_parameter_is_wrong(client):
    CaseStudyFactory(title="Télétravail à Liège")
    CaseStudyFactory(title="Flex office")

    response = client.get(
        reverse("knowledge:search"), {"q": "teletravail", "year": "x"}
    )

    assert "Flex office" not in response.content.decode()
