"""Pages of the barometer, under /knowledge/ in the "surveys" namespace."""

from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("barometer/", views.survey_index, name="survey-list"),
    path("barometer/<int:pk>/", views.survey_detail, name="survey-detail"),
    path("barometer/<int:pk>/answer/", views.survey_answer, name="survey-answer"),
    path("barometer/<int:pk>/results/", views.survey_results, name="survey-results"),
    path(
        "barometer/<int:pk>/results.csv",
        views.survey_results_csv,
        name="survey-results-csv",
    ),
    path(
        "barometer/waves/<int:pk>/open/",
        views.wave_transition,
        {"action": "open"},
        name="wave-open",
    ),
    path(
        "barometer/waves/<int:pk>/close/",
        views.wave_transition,
        {"action": "close"},
        name="wave-close",
    ),
]
