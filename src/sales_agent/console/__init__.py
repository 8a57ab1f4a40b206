"""The operator's web console: FastAPI, server-rendered Russian pages, a little JavaScript."""

from .app import create_app
from .server import serve_console

__all__ = ["create_app", "serve_console"]
