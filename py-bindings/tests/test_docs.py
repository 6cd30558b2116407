"""The examples in the installed package's docstrings run and stay true."""

import doctest

import pytest

import ptsp
import ptsp.form
import ptsp.helpdesk
import ptsp.routing
import ptsp.sla


@pytest.mark.parametrize("module", [ptsp, ptsp.sla, ptsp.form, ptsp.routing, ptsp.helpdesk], ids=lambda m: m.__name__)
def test_module_docstring_examples(module):
    result = doctest.testmod(module, verbose=False, report=True)
    assert result.attempted > 0
    assert result.failed == 0
