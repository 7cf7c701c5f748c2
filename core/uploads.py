"""Checking uploaded files by what they contain, never by their name.

Only PDF, PNG and JPEG are accepted. The type comes from the first bytes; an
image must decode completely and end where its format ends (a "polyglot" with
HTML or a script appended after the image is refused); a PDF may not carry
JavaScript or launch actions. Sizes are checked here because Django's
DATA_UPLOAD_MAX_MEMORY_SIZE does not limit files.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from .errors import DomainError, UploadTooLarge

_PDF_FORBIDDEN = (b"/JavaScript", b"/JS ", b"/JS(", b"/Launch", b"/EmbeddedFile")
_MARKUP = (b"<html", b"<script", b"<svg", b"<!doctype", b"<?php")


@dataclass(frozen=True)
class CheckedUpload:
    content_type: str
    extension: str
    size: int


def _refuse(detail: str) -> DomainError:
    return DomainError(detail, code="upload_refused", fields={"file": [detail]})


def _image_is_clean(data: bytes, image_format: str, trailer: bytes) -> bool:
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != image_format:
                return False
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    # Whatever follows the format's end marker is a second file hiding inside.
    return data.rstrip(b"\x00\r\n ").endswith(trailer)


def check_upload(
    upload: UploadedFile, *, max_bytes: int | None = None
) -> CheckedUpload:
    """Return the real type of an upload, or raise a translated DomainError."""
    max_bytes = max_bytes or settings.MAX_UPLOAD_BYTES
    if upload.size is None or upload.size > max_bytes:
        raise UploadTooLarge(
            _("The file is larger than %(limit)s MB.")
            % {"limit": round(max_bytes / 1024 / 1024, 1)}
        )
    if upload.size == 0:
        raise _refuse(_("The file is empty."))

    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    head = data[:1024].lower()
    if any(marker in head for marker in _MARKUP):
        raise _refuse(_("Web pages and scripts cannot be uploaded."))

    if data.startswith(b"%PDF-"):
        if any(marker in data for marker in _PDF_FORBIDDEN):
            raise _refuse(
                _("PDF files with scripts, attachments or actions are not accepted.")
            )
        if b"%%EOF" not in data[-1024:]:
            raise _refuse(_("This PDF file is damaged or incomplete."))
        return CheckedUpload("application/pdf", ".pdf", len(data))
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        if not _image_is_clean(data, "PNG", b"IEND\xaeB`\x82"):
            raise _refuse(_("This PNG image is damaged or hides other content."))
        return CheckedUpload("image/png", ".png", len(data))
    if data.startswith(b"\xff\xd8\xff"):
        if not _image_is_clean(data, "JPEG", b"\xff\xd9"):
            raise _refuse(_("This JPEG image is damaged or hides other content."))
        return CheckedUpload("image/jpeg", ".jpg", len(data))

    raise _refuse(_("Only PDF, PNG and JPEG files are accepted."))
