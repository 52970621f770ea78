"""The HTTP surface: FastAPI app, routes and error mapping."""
