"""Personal data of the knowledge base: who wrote content, and who is named in it.

Published content is the agency's publication: it is kept when an author or
an expert is erased, and every mention of them is replaced by their pseudonym.
"""

from core.personal_data import register_no_personal_data, register_personal_data

register_personal_data(
    "knowledge.CaseStudy", subject=("created_by", "expert"), on_erase="keep"
)
for label in ("knowledge.Capsule", "knowledge.Resource"):
    register_personal_data(label, subject=("created_by",), on_erase="keep")
register_personal_data(
    "knowledge.Quote",
    fields=("author_name",),
    note="People quoted with their consent; mentions are replaced at erasure.",
)
register_no_personal_data("knowledge.KeyFigure", "Figures of a case study.")
