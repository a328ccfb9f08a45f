"""Fixtures shared by the browser tests (the Chromium itself is in tests/conftest.py)."""

import pytest


@pytest.fixture
def page(browser):
    """A fresh page in its own context; the test fails if the page raised a script error."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], errors
