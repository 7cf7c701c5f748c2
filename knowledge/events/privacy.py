"""Personal data of the Forum and the club: registrations, speakers, applications."""

from core.personal_data import register_no_personal_data, register_personal_data

register_personal_data("events.Event", subject=("created_by",), on_erase="keep")
register_personal_data(
    "events.Speaker",
    fields=("name", "organisation", "bio"),
    note="Speakers appear on the programme with their consent.",
)
register_personal_data(
    "events.Registration",
    subject=("user", "checked_in_by"),
    on_erase="keep",
    note="Attendance backs credited CPD hours.",
)
register_personal_data(
    "events.ReminderSent", subject=("registration__user",), on_erase="keep"
)
register_personal_data(
    "events.ClubMembership",
    subject=("applied_by", "decided_by"),
    on_erase="keep",
    note="The company's membership; the person is linked by account only.",
)
register_no_personal_data("events.EventSession", "The Forum's programme.")
