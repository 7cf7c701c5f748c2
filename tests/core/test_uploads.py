"""Uploads are checked by content: a hostile corpus is refused."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.errors import DomainError, UploadTooLarge
from core.uploads import check_upload

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, "JPEG")
    return buffer.getvalue()


def upload(content: bytes, name: str = "file.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (PDF, "application/pdf"),
        (png_bytes(), "image/png"),
        (jpeg_bytes(), "image/jpeg"),
    ],
)
def test_it_accepts_real_pdf_png_and_jpeg(content, content_type):
    assert check_upload(upload(content, "whatever.bin")).content_type == content_type


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(1)</script></html>",
        b"<!DOCTYPE html><p>cv</p>",
        b"MZ\x90\x00 an executable",
        PDF.replace(b"trailer", b"/OpenAction<</S/JavaScript/JS(app.alert(1))>>"),
        png_bytes() + b"<script>alert(1)</script>",
        jpeg_bytes() + b"<?php system($_GET['c']); ?>",
        b"\x89PNG\r\n\x1a\nnot really an image",
    ],
    ids=[
        "html",
        "doctype",
        "exe",
        "pdf-js",
        "png-polyglot",
        "jpeg-polyglot",
        "fake-png",
    ],
)
def test_it_refuses_hostile_content_whatever_the_name(content, english):
    with pytest.raises(DomainError) as excinfo:
        check_upload(upload(content, "cv.pdf"))

    assert excinfo.value.code == "upload_refused"
    assert excinfo.value.fields["file"]


def test_it_refuses_an_oversized_file_with_413(settings):
    settings.MAX_UPLOAD_BYTES = 1024

    with pytest.raises(UploadTooLarge) as excinfo:
        check_upload(upload(PDF + b"0" * 2048))

    assert excinfo.value.status_code == 413


def test_it_refuses_an_empty_file():
    with pytest.raises(DomainError):
        check_upload(upload(b""))
