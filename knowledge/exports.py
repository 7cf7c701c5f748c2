"""Export a list of resources as BibTeX (for reference managers) and CSV.

Both take whatever list the reader filtered, in its order. CSV cells that a
spreadsheet would run as a formula (starting with =, +, -, @) are prefixed
with an apostrophe.
"""

import csv
import io
import re
import unicodedata
from collections.abc import Iterable

from .models import Resource

_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Resource kind -> BibTeX entry type.
ENTRY_TYPES = {
    Resource.Kind.PUBLICATION: "article",
    Resource.Kind.STUDY: "techreport",
    Resource.Kind.STATISTICS: "misc",
    Resource.Kind.GUIDE: "manual",
    Resource.Kind.TEMPLATE: "misc",
    Resource.Kind.LEGISLATION: "misc",
}

CSV_COLUMNS = [
    "id",
    "kind",
    "title",
    "authors",
    "year",
    "publisher",
    "volume",
    "issue",
    "pages",
    "language",
    "doi",
    "url",
    "needs",
    "dimensions",
    "abstract",
]


def _bibtex_escape(value: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def _ascii_word(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return re.sub(r"[^A-Za-z0-9]", "", decomposed.encode("ascii", "ignore").decode())


def bibtex_key(resource: Resource) -> str:
    """``bloom2015does``: first author's last name, year, first long title word."""
    first_author = resource.author_list[0] if resource.author_list else ""
    last_name = first_author.split(",")[0] or resource.publisher or "nwow"
    words = [w for w in re.findall(r"\w+", resource.title) if len(w) > 3]
    key = _ascii_word(last_name).lower() + str(resource.year or "")
    key += _ascii_word(words[0]).lower() if words else ""
    return key or f"resource{resource.pk}"


def bibtex_entry(resource: Resource, key: str | None = None) -> str:
    entry_type = ENTRY_TYPES.get(resource.resource_kind, "misc")
    container = "journal" if entry_type == "article" else "publisher"
    if entry_type == "techreport":
        container = "institution"
    fields = [
        ("author", " and ".join(resource.author_list)),
        ("title", resource.title),
        (container, resource.publisher),
        ("year", str(resource.year or "")),
        ("volume", resource.volume),
        ("number", resource.issue),
        ("pages", re.sub(r"[–-]+", "--", resource.pages)),
        ("doi", resource.doi),
        ("url", resource.url),
        ("language", resource.get_language_display()),
        ("abstract", resource.summary),
    ]
    lines = [f"@{entry_type}{{{key or bibtex_key(resource)},"]
    for name, value in fields:
        if not value:
            continue
        # DOIs and URLs are verbatim: escaping "_" would break the link.
        text = value if name in {"doi", "url"} else _bibtex_escape(value)
        if name == "title":
            text = "{" + text + "}"  # keep its capitals
        lines.append(f"  {name} = {{{text}}},")
    lines.append("}")
    return "\n".join(lines)


def to_bibtex(resources: Iterable[Resource]) -> str:
    """Entries separated by a blank line; keys made unique with a, b, c…"""
    seen: dict[str, int] = {}
    entries = []
    for resource in resources:
        key = bibtex_key(resource)
        count = seen.get(key, 0)
        seen[key] = count + 1
        if count:
            key += chr(ord("a") + count - 1) if count <= 26 else str(count)
        entries.append(bibtex_entry(resource, key))
    return "\n\n".join(entries) + ("\n" if entries else "")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(resources: Iterable[Resource]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for resource in resources:
        writer.writerow(
            _cell(value)
            for value in [
                resource.pk,
                resource.resource_kind,
                resource.title,
                "; ".join(resource.author_list),
                resource.year,
                resource.publisher,
                resource.volume,
                resource.issue,
                resource.pages,
                resource.language,
                resource.doi,
                resource.url,
                " ".join(sorted(need.code for need in resource.needs.all())),
                resource.dimensions,
                resource.summary,
            ]
        )
    return buffer.getvalue()
