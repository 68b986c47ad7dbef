"""A short run of the importers' fuzz cases in every test run (the long one: benchmarks/fuzz.py)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz_imports import IMPORT_KINDS, bases, check_import, import_case


@pytest.mark.parametrize("kind", IMPORT_KINDS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**9))
def test_a_mutated_import_gives_cards_or_sentences_that_name_the_file(tmp_path_factory, kind, seed):
    folder = tmp_path_factory.mktemp("imports")
    base = bases(tmp_path_factory.getbasetemp())
    path = import_case(folder, kind, random.Random(seed), base)
    assert check_import(path, kind) in ("imported", "partly", "refused")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**9))
def test_the_store_holds_what_the_readable_logs_hold_whatever_a_mutation_did(shipped, tmp_path_factory, seed):
    from tests.fuzz_store import check_store, store_case, training_logs

    base = training_logs(tmp_path_factory.getbasetemp() / "training", shipped)
    folder = store_case(tmp_path_factory.mktemp("sessions"), random.Random(seed), base)
    assert check_store(folder) == "same"
