"""Ralph 5.1.0 on its filesystem backend, for the tests only (the one backend these machines can run), with the
two faults that backend has worked around here and nowhere else:

- a second POST returns 500: the backend creates its file on every write; it appends here;
- the `verb` and `activity` filters return nothing: they compare the statement's IRI with the query's value as an
  object; the value is compared as text here.

Run: python tests/lrs/ralph_server.py PORT (its settings from RALPH_* variables, as Ralph's own server reads them).
"""

from __future__ import annotations

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

_by_verb = FSLRSBackend._add_filter_by_verb
_by_activity = FSLRSBackend._add_filter_by_activity
FSLRSBackend._add_filter_by_verb = staticmethod(  # type: ignore[method-assign]
    lambda filters, verb_id: _by_verb(filters, str(verb_id) if verb_id else verb_id))
FSLRSBackend._add_filter_by_activity = staticmethod(  # type: ignore[method-assign]
    lambda filters, object_id, related: _by_activity(filters, str(object_id) if object_id else object_id, related))

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
