"""The normalised text that search matches against, the same on every database.

SQLite folds ASCII case only and knows no accents; PostgreSQL's French
stemmer treats "télétravail" and "teletravail" as two words. Storing a
casefolded, accent-stripped copy of each item's text, and normalising the
query the same way, makes "teletravail" find "télétravail" on both.
"""

import re
import unicodedata

_WORD = re.compile(r"\w+", flags=re.UNICODE)


def normalize(text: str) -> str:
    """Casefold, strip accents (é → e, ß → ss) and collapse whitespace."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.split())


def terms(query: str) -> list[str]:
    """The distinct words of a query, normalised, in the order typed."""
    seen: list[str] = []
    for word in _WORD.findall(normalize(query)):
        if word not in seen:
            seen.append(word)
    return seen
