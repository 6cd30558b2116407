"""Shared fixtures of the ptsp test suite.

The suite runs against the *installed* wheel (see test_installed.py and
ci.sh): nothing here touches sys.path. Modules that parametrize over the
golden fixtures (<repo>/tests/fixtures/calendar/, shared with the Rust and JS
suites) locate them relative to their own file.
"""

import datetime as dt

import pytest

import ptsp


@pytest.fixture(scope="session")
def indonesia():
    return ptsp.Calendar.indonesia()


@pytest.fixture(scope="session")
def jatim():
    return ptsp.Calendar.jatim()


@pytest.fixture(scope="session")
def wib():
    return dt.timezone(dt.timedelta(hours=7))
