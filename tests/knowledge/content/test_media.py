import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.errors import DomainError, NotAllowed
from knowledge.media import check_subtitles, check_video
from knowledge.services import capsule_attach_media

from .factories import MP4_HEAD, VTT, CapsuleFactory, ResourceFactory

pytestmark = pytest.mark.django_db

VIDEO = MP4_HEAD + bytes(range(256)) * 4  # 1056 bytes


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def _capsule_with_video(**kwargs):
    capsule = CapsuleFactory(**kwargs)
    capsule.video_file.save("v.mp4", ContentFile(VIDEO), save=False)
    capsule.subtitles_file.save("v.vtt", ContentFile(VTT.encode()), save=False)
    capsule.save()
    return capsule


def test_it_recognises_mp4_and_webm_by_their_bytes():
    webm = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 20

    assert check_video(_upload("x.bin", VIDEO)).content_type == "video/mp4"
    assert check_video(_upload("x.bin", webm)).content_type == "video/webm"


def test_it_refuses_a_file_named_like_a_video_that_is_not_one():
    with pytest.raises(DomainError) as error:
        check_video(_upload("film.mp4", b"<html><script>alert(1)</script>"))

    assert error.value.code == "upload_refused"


def test_it_accepts_webvtt_and_refuses_other_subtitles():
    assert check_subtitles(_upload("s.vtt", ("\ufeff" + VTT).encode()))

    srt = b"1\n00:00:00,000 --> 00:00:02,000\nBonjour\n"
    with pytest.raises(DomainError):
        check_subtitles(_upload("s.vtt", srt))


def test_it_stores_checked_media_for_editors(editor):
    capsule = CapsuleFactory()

    capsule = capsule_attach_media(
        user=editor,
        capsule=capsule,
        video=_upload("a.mp4", VIDEO),
        subtitles=_upload("a.vtt", VTT.encode()),
    )

    assert capsule.video_type == "video/mp4"
    assert capsule.video_file.name.endswith(f"capsule-{capsule.pk}.mp4")
    assert capsule.subtitles_file.read().startswith(b"WEBVTT")


def test_it_stores_nothing_when_one_file_is_bad(editor):
    capsule = CapsuleFactory()

    with pytest.raises(DomainError):
        capsule_attach_media(
            user=editor,
            capsule=capsule,
            video=_upload("a.mp4", VIDEO),
            subtitles=_upload("a.vtt", b"not subtitles"),
        )

    capsule.refresh_from_db()
    assert not capsule.video_file


def test_it_refuses_media_from_non_editors(pme_member):
    with pytest.raises(NotAllowed):
        capsule_attach_media(
            user=pme_member, capsule=CapsuleFactory(), video=_upload("a", VIDEO)
        )


def test_it_serves_a_byte_range_with_206(client):
    capsule = _capsule_with_video()
    url = reverse("knowledge:capsule-video", args=[capsule.pk])

    response = client.get(url, HTTP_RANGE="bytes=10-19")

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 10-19/{len(VIDEO)}"
    assert response["Content-Length"] == "10"
    assert b"".join(response.streaming_content) == VIDEO[10:20]


def test_it_serves_an_open_and_a_suffix_range(client):
    capsule = _capsule_with_video()
    url = reverse("knowledge:capsule-video", args=[capsule.pk])

    opened = client.get(url, HTTP_RANGE="bytes=0-")
    suffix = client.get(url, HTTP_RANGE="bytes=-6")

    assert opened.status_code == 206
    assert b"".join(opened.streaming_content) == VIDEO
    assert b"".join(suffix.streaming_content) == VIDEO[-6:]


def test_it_answers_416_to_a_range_past_the_end(client):
    capsule = _capsule_with_video()

    response = client.get(
        reverse("knowledge:capsule-video", args=[capsule.pk]),
        HTTP_RANGE=f"bytes={len(VIDEO)}-",
    )

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(VIDEO)}"


def test_it_serves_the_whole_video_without_a_range(client):
    capsule = _capsule_with_video()

    response = client.get(reverse("knowledge:capsule-video", args=[capsule.pk]))

    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "video/mp4"


def test_it_serves_subtitles_as_text_vtt(client):
    capsule = _capsule_with_video()

    response = client.get(reverse("knowledge:capsule-subtitles", args=[capsule.pk]))

    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert response.content.startswith(b"WEBVTT")


def test_it_hides_the_video_of_a_draft(client):
    capsule = _capsule_with_video(status="draft")

    response = client.get(reverse("knowledge:capsule-video", args=[capsule.pk]))

    assert response.status_code == 404


def test_it_uploads_capsule_media_through_the_api(api, editor):
    capsule = CapsuleFactory()

    response = api(editor).post(
        reverse("knowledge-api:capsule-media", args=[capsule.pk]),
        {"video": _upload("a.mp4", VIDEO), "subtitles": _upload("a.vtt", VTT.encode())},
        format="multipart",
    )

    assert response.status_code == 200
    body = response.json()
    assert body["video_url"] == reverse("knowledge:capsule-video", args=[capsule.pk])
    assert body["video_type"] == "video/mp4"
    assert body["subtitles_url"]


def test_it_refuses_a_fake_video_through_the_api(api, editor):
    capsule = CapsuleFactory()

    response = api(editor).post(
        reverse("knowledge-api:capsule-media", args=[capsule.pk]),
        {"video": _upload("a.mp4", b"GIF89a not a video")},
        format="multipart",
    )

    assert response.status_code == 400
    assert response.json()["code"] == "upload_refused"


@pytest.mark.parametrize(
    ("factory", "route", "field", "name", "content"),
    [
        (CapsuleFactory, "capsule-media", "video", "a.mp4", VIDEO),
        (ResourceFactory, "resource-file", "file", "x.pdf", b"%PDF-1.4\n%%EOF\n"),
    ],
    ids=["capsule video", "resource file"],
)
def test_it_refuses_uploads_from_readers(
    api, pme_member, factory, route, field, name, content
):
    item = factory()

    response = api(pme_member).post(
        reverse(f"knowledge-api:{route}", args=[item.pk]),
        {field: _upload(name, content)},
        format="multipart",
    )

    assert response.status_code == 403


def test_it_attaches_a_pdf_to_a_resource_and_serves_it(api, client, editor):
    resource = ResourceFactory()
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

    response = api(editor).post(
        reverse("knowledge-api:resource-file", args=[resource.pk]),
        {"file": _upload("guide.pdf", pdf)},
        format="multipart",
    )
    served = client.get(reverse("knowledge:resource-file", args=[resource.pk]))

    assert response.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert b"".join(served.streaming_content) == pdf
