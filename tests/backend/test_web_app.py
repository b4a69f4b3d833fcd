"""The web app's shell served by Django at the same origin: index.html for the router's paths, with the CSRF
cookie; the API's own paths never fall through to it."""

import pytest


@pytest.fixture
def built(tmp_path, settings):
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>", encoding="utf-8")
    settings.FRONTEND_DIST = tmp_path
    return tmp_path


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/coordinator/runs/12", "/me/posts?week=2026-11-23"])
def test_router_paths_get_the_shell_and_a_csrf_cookie(client, built, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b"<div id=root>" in response.content
    assert "csrftoken" in response.cookies
    assert response["Cache-Control"] == "no-cache"


@pytest.mark.django_db
def test_without_a_build_the_shell_says_how_to_make_one(client, settings, tmp_path):
    settings.FRONTEND_DIST = tmp_path / "missing"
    response = client.get("/coordinator")
    assert response.status_code == 503
    assert "make frontend" in response.content.decode()


@pytest.mark.django_db
def test_unknown_api_paths_stay_api_errors(client, built):
    response = client.get("/api/no-such-thing/")
    assert response.status_code == 404
    assert b"<div id=root>" not in response.content


@pytest.mark.django_db
def test_the_shell_only_answers_reads(client, built):
    assert client.post("/coordinator").status_code == 405
