"""Capsule media: checking uploaded videos and subtitles, serving byte ranges.

Types come from the first bytes, never from the file name, like
``core.uploads`` does for documents. Browsers fetch videos in pieces
(``Range: bytes=…``) to start playing at once and to seek, so the video view
answers 206 with the requested bytes, or 416 when the range lies outside
the file.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from core.errors import DomainError, UploadTooLarge

# Videos are larger than documents; the limit is configurable.
DEFAULT_MAX_VIDEO_BYTES = 200 * 1024 * 1024
MAX_SUBTITLE_BYTES = 1024 * 1024
_CHUNK = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_MARKUP = (b"<html", b"<script", b"<svg", b"<!doctype", b"<?php", b"<iframe")


@dataclass(frozen=True)
class CheckedVideo:
    content_type: str
    extension: str


def _refuse(field: str, detail: str) -> DomainError:
    return DomainError(detail, code="upload_refused", fields={field: [detail]})


def max_video_bytes() -> int:
    return settings.NWOW.get("KNOWLEDGE_MAX_VIDEO_BYTES", DEFAULT_MAX_VIDEO_BYTES)


def _read(upload: UploadedFile, limit: int) -> bytes:
    if upload.size is None or upload.size > limit:
        raise UploadTooLarge(
            _("The file is larger than %(limit)s MB.")
            % {"limit": round(limit / 1024 / 1024, 1)}
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def check_video(upload: UploadedFile) -> CheckedVideo:
    """The real type of an uploaded video (MP4 or WebM), or a DomainError."""
    data = _read(upload, max_video_bytes())
    if not data:
        raise _refuse("video_file", _("The file is empty."))
    # MP4 (ISO base media): a box size, then "ftyp" and a brand.
    if data[4:8] == b"ftyp":
        return CheckedVideo("video/mp4", ".mp4")
    # WebM: an EBML header whose DocType is "webm".
    if data.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in data[:64]:
        return CheckedVideo("video/webm", ".webm")
    raise _refuse("video_file", _("Only MP4 and WebM videos are accepted."))


def check_subtitles(upload: UploadedFile) -> str:
    """The text of a WebVTT file, or a DomainError saying what is wrong."""
    data = _read(upload, MAX_SUBTITLE_BYTES)
    if any(marker in data[:4096].lower() for marker in _MARKUP):
        raise _refuse("subtitles_file", _("Web pages and scripts cannot be uploaded."))
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise _refuse(
            "subtitles_file", _("Subtitles must be a WebVTT file encoded in UTF-8.")
        ) from None
    first_line = text.split("\n", 1)[0].rstrip("\r")
    if not re.fullmatch(r"WEBVTT([ \t].*)?", first_line):
        raise _refuse(
            "subtitles_file",
            _("This is not a WebVTT file: its first line must be “WEBVTT”."),
        )
    if "-->" not in text:
        raise _refuse(
            "subtitles_file", _("This WebVTT file holds no cue (no “-->” timing).")
        )
    return text


def _parse_range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) byte of a single range, or None when unsatisfiable.

    Raises ValueError for a header that is not a single byte range, which the
    caller ignores (RFC 9110: a server may serve the whole file instead).
    """
    match = _RANGE.match(header.strip())
    if match is None or match.groups() == ("", ""):
        raise ValueError(header)
    start, end = match.groups()
    if start == "":
        # "bytes=-500": the last 500 bytes.
        length = int(end)
        if length == 0:
            return None
        return max(size - length, 0), size - 1
    first = int(start)
    last = min(int(end), size - 1) if end else size - 1
    if first >= size or last < first:
        return None
    return first, last


def _stream(field_file: FieldFile, first: int, length: int) -> Iterator[bytes]:
    with field_file.open("rb") as handle:
        handle.seek(first)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(_CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk


def ranged_file_response(
    request: HttpRequest, field_file: FieldFile, content_type: str
) -> HttpResponse:
    """The file, whole (200) or the one byte range asked for (206, or 416)."""
    size = field_file.size
    header = request.headers.get("Range", "")
    first, last = 0, size - 1
    status = 200
    if header:
        try:
            parsed = _parse_range(header, size)
        except ValueError:
            parsed = False  # not a single byte range: the whole file
        if parsed is None:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            response["Accept-Ranges"] = "bytes"
            return response
        if parsed:
            # Browsers start with "bytes=0-" and expect a 206 even for it.
            first, last = parsed
            status = 206

    length = last - first + 1
    response = StreamingHttpResponse(
        _stream(field_file, first, length), status=status, content_type=content_type
    )
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    if status == 206:
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
    return response
