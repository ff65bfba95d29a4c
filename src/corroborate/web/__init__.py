"""The web UI and HTTP API: ``create_app`` builds the FastAPI app over a store, ``serve`` runs it."""

from corroborate.web.app import create_app, serve

__all__ = ["create_app", "serve"]
