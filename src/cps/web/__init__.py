"""The web app (Django): persists and presents; the core (``cps.*``) computes."""
