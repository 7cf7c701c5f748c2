from decimal import Decimal

from rest_framework import serializers

from core.uploads import check_upload

from ..models import (
    Assessment,
    Attempt,
    Attendance,
    Certification,
    CpdActivity,
    Enrolment,
    Module,
    Programme,
    Session,
    SessionRegistration,
)


def validate_evidence_file(upload):
    # core.uploads types the file by its bytes (a name or a declared content
    # type proves nothing) and refuses polyglots and scripted PDFs.
    checked = check_upload(upload)
    # Stored with the suffix of what the content is; the stem is replaced by a
    # random one when saved.
    upload.name = f"evidence{checked.extension}"
    return upload


class AssessmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Assessment
        fields = [
            "id",
            "module",
            "kind",
            "title",
            "max_score",
            "pass_score",
            "weight",
            "attempts_allowed",
            "compensable",
        ]


class ModuleSerializer(serializers.ModelSerializer):
    assessments = AssessmentSerializer(many=True, read_only=True)

    class Meta:
        model = Module
        fields = [
            "id",
            "order",
            "title",
            "nominal_hours",
            "mandatory",
            "min_attendance_pct",
            "assessments",
        ]


class ProgrammeSerializer(serializers.ModelSerializer):
    domain = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Programme
        fields = ["id", "domain", "title", "description", "version", "is_published"]


class ProgrammeDetailSerializer(ProgrammeSerializer):
    modules = ModuleSerializer(many=True, read_only=True)

    class Meta(ProgrammeSerializer.Meta):
        fields = [*ProgrammeSerializer.Meta.fields, "modules"]


class SessionSerializer(serializers.ModelSerializer):
    programme = serializers.IntegerField(source="module.programme_id", read_only=True)
    trainer = serializers.StringRelatedField()
    seats_taken = serializers.IntegerField(read_only=True)

    class Meta:
        model = Session
        fields = [
            "id",
            "module",
            "programme",
            "starts_at",
            "ends_at",
            "place",
            "online_url",
            "trainer",
            "capacity",
            "seats_taken",
        ]


class EnrolmentCreateSerializer(serializers.Serializer):
    programme = serializers.PrimaryKeyRelatedField(queryset=Programme.objects.all())


class EnrolmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Enrolment
        fields = ["id", "consultant", "programme", "status", "enrolled_at"]
        read_only_fields = fields


class ModuleProgressSerializer(serializers.Serializer):
    module = serializers.IntegerField(source="module.pk")
    title = serializers.CharField(source="module.title")
    mandatory = serializers.BooleanField(source="module.mandatory")
    attendance_pct = serializers.DecimalField(max_digits=4, decimal_places=1)
    attendance_met = serializers.BooleanField()
    assessments_passed = serializers.BooleanField()
    passed = serializers.BooleanField()


class EnrolmentProgressSerializer(serializers.Serializer):
    """An enrolment with its computed progress (built from EnrolmentProgress)."""

    id = serializers.IntegerField(source="enrolment.pk")
    consultant = serializers.IntegerField(source="enrolment.consultant_id")
    programme = serializers.IntegerField(source="enrolment.programme_id")
    status = serializers.ChoiceField(
        source="enrolment.status", choices=Enrolment.Status.choices
    )
    enrolled_at = serializers.DateTimeField(source="enrolment.enrolled_at")
    completion_pct = serializers.DecimalField(max_digits=4, decimal_places=1)
    hours_attended = serializers.DecimalField(max_digits=8, decimal_places=2)
    modules = ModuleProgressSerializer(many=True)


class SessionRegisterSerializer(serializers.Serializer):
    enrolment = serializers.PrimaryKeyRelatedField(queryset=Enrolment.objects.all())


class SessionRegistrationSerializer(serializers.ModelSerializer):
    class Meta:
        model = SessionRegistration
        fields = ["id", "session", "enrolment", "registered_at"]


class AttendanceInputSerializer(serializers.Serializer):
    enrolment = serializers.PrimaryKeyRelatedField(queryset=Enrolment.objects.all())
    status = serializers.ChoiceField(choices=Attendance.Status.choices)
    minutes = serializers.IntegerField(min_value=0, default=0)


class AttendanceSerializer(serializers.ModelSerializer):
    session = serializers.IntegerField(source="registration.session_id")
    enrolment = serializers.IntegerField(source="registration.enrolment_id")

    class Meta:
        model = Attendance
        fields = ["id", "session", "enrolment", "status", "minutes", "recorded_at"]


class AttemptInputSerializer(serializers.Serializer):
    enrolment = serializers.PrimaryKeyRelatedField(queryset=Enrolment.objects.all())
    score = serializers.DecimalField(max_digits=6, decimal_places=2, min_value=0)


class AttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = Attempt
        fields = ["id", "assessment", "enrolment", "number", "score", "recorded_at"]


class CertificationSerializer(serializers.ModelSerializer):
    domain = serializers.CharField(source="programme.domain.code", read_only=True)

    class Meta:
        model = Certification
        fields = [
            "id",
            "code",
            "consultant",
            "programme",
            "domain",
            "issued_on",
            "expires_on",
            "status",
            "revoked_reason",
        ]
        read_only_fields = fields


class CpdActivitySerializer(serializers.ModelSerializer):
    evidence = serializers.FileField(
        write_only=True, required=False, validators=[validate_evidence_file]
    )
    has_evidence = serializers.SerializerMethodField()

    class Meta:
        model = CpdActivity
        fields = [
            "id",
            "consultant",
            "category",
            "date",
            "hours",
            "description",
            "evidence",
            "has_evidence",
            "status",
            "reviewed_by",
            "review_reason",
            "created_at",
        ]
        read_only_fields = [
            "consultant",
            "status",
            "reviewed_by",
            "review_reason",
            "created_at",
        ]
        extra_kwargs = {"hours": {"min_value": Decimal("0.1")}}

    def get_has_evidence(self, activity: CpdActivity) -> bool:
        return bool(activity.evidence)
