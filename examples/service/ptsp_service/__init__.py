"""ptsp's reference service: the East Java service standard running as a
web application — a Python backend on SQLite or PostgreSQL, the JOSS forms
in the browser through WebAssembly, staff inboxes and a supervisor
dashboard. Start it with ``python -m ptsp_service`` (see ``--help``)."""

from .app import create_app

__all__ = ["create_app"]
