"""The ASGI application object for uvicorn: `coach.web.main:app`."""

from coach.web.app import create_app

app = create_app()
