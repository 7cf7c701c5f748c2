"""Demo case studies: fictitious Walloon SMEs, told as their managers would.

``company`` names a trade of the demo's registered companies (pme/demo.py):
the story is then linked to the first such company and takes its name,
province, sector and size. ``expert`` is the index of a demo consultant.
"""

from .stories_a import STORIES as first_half
from .stories_b import STORIES as second_half

CASE_STUDIES = [*first_half, *second_half]

# Stories left for the editors' demo queue: one returned draft, one in review.
UNPUBLISHED = {
    "Une entreprise de constructions métalliques associe l'atelier": "in_review",
    "Dématérialiser les inscriptions d'un centre de formation": "returned",
}
RETURN_REASON = (
    "Merci d'ajouter le délai de traitement d'une inscription avant et après, "
    "et l'accord de la personne citée."
)
