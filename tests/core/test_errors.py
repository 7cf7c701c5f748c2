"""The one error shape of the API, whatever raised the error."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django_fsm import TransitionNotAllowed as FSMTransitionNotAllowed
from rest_framework import serializers

from core.api.errors import exception_handler
from core.errors import DomainError, TransitionNotAllowed, UploadTooLarge


def handle(exc):
    return exception_handler(exc, {})


def test_it_maps_a_domain_error_to_its_status_and_code():
    response = handle(
        TransitionNotAllowed("The charter is not signed.", code="no_charter")
    )

    assert response.status_code == 409
    assert response.data == {
        "code": "no_charter",
        "detail": "The charter is not signed.",
    }


def test_it_keeps_the_fields_of_a_domain_error():
    response = handle(DomainError("Bad.", fields={"email": ["Taken."]}))

    assert response.status_code == 400
    assert response.data["fields"] == {"email": ["Taken."]}


def test_it_flattens_nested_validation_errors_with_dotted_names():
    exc = serializers.ValidationError(
        {"company": {"postal_code": ["Brussels."]}, "needs": [{"code": ["Unknown."]}]}
    )

    response = handle(exc)

    assert response.status_code == 400
    assert response.data["fields"] == {
        "company.postal_code": ["Brussels."],
        "needs.0.code": ["Unknown."],
    }


def test_it_uses_a_specific_validation_code_when_there_is_one():
    exc = ValidationError("Check digits.", code="enterprise_number_checksum")

    response = handle(exc)

    assert response.status_code == 400
    assert response.data["code"] == "enterprise_number_checksum"
    assert response.data["detail"] == "Check digits."


def test_it_turns_an_fsm_refusal_into_a_409():
    response = handle(FSMTransitionNotAllowed("no"))

    assert response.status_code == 409
    assert response.data["code"] == "transition_not_allowed"


def test_it_turns_http404_into_the_not_found_shape():
    response = handle(Http404())

    assert response.status_code == 404
    assert response.data["code"] == "not_found"


def test_it_maps_an_upload_too_large_to_413():
    assert handle(UploadTooLarge()).status_code == 413


@pytest.mark.parametrize("exc", [RuntimeError("boom")])
def test_it_leaves_unexpected_errors_to_django(exc):
    assert handle(exc) is None
