# syntax=docker/dockerfile:1
# ReturnDesk: the web UI is built with Node, then served by the Python app.

FROM node:20-bookworm-slim AS ui
WORKDIR /build
COPY frontend/package.json frontend/package-lock.json frontend/
RUN cd frontend && npm ci --no-audit --no-fund
COPY frontend/ frontend/
# Vite writes the bundle into the Python package's static folder.
RUN mkdir -p src/returndesk/web && cd frontend && npm run build

FROM python:3.11-slim AS app
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    RETURNDESK_HOST=0.0.0.0 \
    RETURNDESK_PORT=8000 \
    RETURNDESK_ENVIRONMENT=production
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src/ src/
COPY --from=ui /build/src/returndesk/web/static/ src/returndesk/web/static/
RUN pip install . && useradd --system --uid 10001 --home-dir /app returndesk \
    && chown -R returndesk /app
USER returndesk
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
# Run `returndesk db upgrade` once per release (a job or an init container), then this.
CMD ["returndesk", "serve"]
