"""Colombian legal parameters and rules, kept as dated, sourced data.

Every value carries its ``source`` and a ``status``: ``confirmed`` (seen in the cited source),
``secondary`` (a secondary source citing the norm) or ``unconfirmed`` (shown to the user as such,
never used silently as if it were law).
"""
