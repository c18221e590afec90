"""Compras Sostenibles: sustainable public procurement for Colombian public entities.

The core under ``cps`` is pure Python (no Django outside ``cps.web``): it reads documents,
applies legal rules kept as dated data, and computes; the CLI, the JSON API and the web app
are thin shells over it.
"""

__version__ = "0.1.0"
