"""Factor 13: the random method, reproducible from the case file alone.

Algorithm (documented in docs/evaluation-format.md, "Método aleatorio"):

1. ``candidates`` = the ids of the offers still tied, sorted by Unicode code point;
2. ``message`` = the published seed (``process.random_method_seed``), then each candidate, joined
   with line feeds (``"\\n"``), no trailing line feed, encoded in UTF-8;
3. ``digest`` = SHA-256 of ``message`` in hexadecimal;
4. ``index`` = ``int(digest, 16) mod len(candidates)``; the winner is ``candidates[index]``.

Anyone can repeat it: ``printf 'SEED\\nA\\nB' | sha256sum`` and the remainder of that number
divided by the number of candidates.
"""

from __future__ import annotations

import hashlib

from cps.evaluation.result import RandomDraw

METHOD = "sha256-mod"


def canonical(ids: list[str]) -> list[str]:
    return sorted(ids)


def draw(seed: str, candidates: list[str], *, seed_source: str) -> RandomDraw:
    if len(candidates) < 2:
        raise ValueError("el sorteo necesita al menos dos ofertas empatadas")
    ordered = canonical(candidates)
    message = "\n".join([seed, *ordered])
    digest = hashlib.sha256(message.encode("utf-8")).hexdigest()
    index = int(digest, 16) % len(ordered)
    return RandomDraw(
        method=METHOD,
        seed=seed,
        seed_source=seed_source,
        candidates=ordered,
        message=message,
        sha256=digest,
        index=index,
        winner=ordered[index],
    )
