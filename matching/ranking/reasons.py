"""Human reasons for a proposal, in the active language."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import formats
from django.utils.translation import get_language, gettext, ngettext

from .components import ADJACENT_PROVINCES, COMPONENT_NAMES
from .context import RequestContext
from .snapshot import LANGUAGES, PROVINCE_INDEX, Snapshot

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def reasons_for(
    snapshot: Snapshot, context: RequestContext, row: int, components
) -> list[str]:
    """Why the expert at ``row`` fits the request, most telling first.

    ``components`` is the expert's row of raw components (COMPONENT_NAMES).
    """
    language = get_language() or settings.LANGUAGE_CODE
    value = dict(zip(COMPONENT_NAMES, components, strict=True))
    reasons = []

    for column in context.need_columns:
        if snapshot.accredited[row, column]:
            since = datetime.date.fromordinal(
                int(snapshot.accredited_since[row, column])
            )
            reasons.append(
                gettext("Accredited for %(domain)s since %(year)s")
                % {
                    "domain": snapshot.needs[column].label(language),
                    "year": since.year,
                }
            )

    if context.size_index is not None:
        count = int(snapshot.missions_by_size[row, context.size_index])
        if count:
            reasons.append(
                ngettext(
                    "%(count)s mission in companies of your size",
                    "%(count)s missions in companies of your size",
                    count,
                )
                % {"count": count}
            )
    if context.section_index is not None:
        count = int(snapshot.missions_by_section[row, context.section_index])
        if count:
            reasons.append(
                ngettext(
                    "%(count)s mission in your sector",
                    "%(count)s missions in your sector",
                    count,
                )
                % {"count": count}
            )

    ratings = int(snapshot.rating_count[row])
    if ratings:
        reasons.append(
            ngettext(
                "Mean rating %(mean)s out of 5 over %(count)s mission",
                "Mean rating %(mean)s out of 5 over %(count)s missions",
                ratings,
            )
            % {
                "mean": formats.number_format(
                    round(float(snapshot.rating_mean[row]), 1), 1
                ),
                "count": ratings,
            }
        )
    if value["outcome"] > 0:
        reasons.append(
            gettext(
                "Companies gained %(points)s maturity points on average on these "
                "dimensions"
            )
            % {"points": formats.number_format(round(value["outcome"] * 100), 0)}
        )

    reasons.append(_place(snapshot, context, row))
    if context.language_index is not None:
        reasons.append(
            gettext("Speaks %(language)s")
            % {"language": LANGUAGE_NAMES[LANGUAGES[context.language_index]]}
        )
    if value["exploration"] > 0:
        reasons.append(gettext("Newly approved"))
    return reasons


def _place(snapshot: Snapshot, context: RequestContext, row: int) -> str:
    province = context.province
    if province in PROVINCE_INDEX and snapshot.provinces[row, PROVINCE_INDEX[province]]:
        return gettext("Works in your province")
    neighbours = [PROVINCE_INDEX[p] for p in ADJACENT_PROVINCES.get(province, ())]
    if neighbours and snapshot.provinces[row, neighbours].any():
        return gettext("Works in a neighbouring province and remotely")
    return gettext("Works remotely")
