"""A small document model for reports (evaluation, indicators, LCC) rendered to Word and PDF.

Build a :class:`~cps.reports.model.Report` once; :func:`cps.reports.render.write` writes it as
``.docx`` (python-docx) or ``.pdf`` (reportlab, fonts bundled with matplotlib) atomically.
"""
