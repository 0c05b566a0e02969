"""Fixtures of the web tests, for the sales toolkit's pages."""

from tests.web.conftest import client, store  # noqa: F401
