"""Personal data of companies: memberships, invitations and who took a scan.

Companies, their scans and answers are the enterprise's data, not a
person's: they are kept when a member is erased.
"""

from core.personal_data import register_no_personal_data, register_personal_data

register_personal_data(
    "pme.Company",
    subject=("created_by",),
    on_erase="keep",
    note="The enterprise's own record; only the link to its creator is personal.",
)
register_personal_data("pme.Membership", subject=("user",), on_erase="delete")
register_personal_data(
    "pme.Invitation",
    subject=("email", "invited_by", "accepted_by"),
    fields=("email",),
    on_erase="delete",
)
register_personal_data("pme.Assessment", subject=("taken_by",), on_erase="keep")
register_no_personal_data("pme.Answer", "A company's answers to the scan.")
register_no_personal_data("pme.QuestionnaireVersion", "The questionnaire.")
register_no_personal_data("pme.QuestionnaireDimension", "The questionnaire.")
register_no_personal_data("pme.Question", "The questionnaire.")
