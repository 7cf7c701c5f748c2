from django.urls import path

from . import views

app_name = "auth-api"

urlpatterns = [
    path("register/", views.RegisterApi.as_view(), name="register"),
    path("token/", views.TokenApi.as_view(), name="token"),
    path("me/", views.MeApi.as_view(), name="me"),
]
