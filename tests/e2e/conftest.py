"""Fixtures for the browser tests: a system Chromium, and the app served on a free loopback port."""

from __future__ import annotations

import os

import pytest
from appserver import CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM, find_chromium, start_app, stop_app


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(HOW_TO_GET_CHROMIUM + " (CI=true: a missing browser is a failure)")
        pytest.skip(HOW_TO_GET_CHROMIUM)
    return path


@pytest.fixture(scope="session")
def app_url(chromium_path):
    process, url = start_app()
    try:
        yield url
    finally:
        stop_app(process)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def served(chromium_path):
    """Start the app on a data file of the test's choosing; stop it after the test."""
    started = []

    def serve(data_file) -> str:
        process, url = start_app(env={"BILATERAL_DATA": str(data_file)})
        started.append(process)
        return url

    yield serve
    for process in started:
        stop_app(process)
