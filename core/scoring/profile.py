"""A resume's scoring profile: its evidence units with embeddings, and its term index.

Everything here depends only on the (placeholder-masked) text and the model, so it is computed
once per resume and kept in the embedding cache; scoring a new job then needs no encoding and no
re-reading of the text, only array work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

import numpy as np
import numpy.typing as npt

from core.scoring import terms as lex
from core.scoring.chunking import has_cjk, is_chinese, segments

Float32Array = npt.NDArray[np.float32]
Int32Array = npt.NDArray[np.int32]
UInt8Array = npt.NDArray[np.uint8]

SECTION_MASK = 0x0F  # the low bits of ``flags``: the unit's section (chunking.EDUCATION, ...)
LISTY_FLAG = 0x10  # bit set in ``flags`` for keyword-list units
LABEL_FLAG = 0x20  # bit set for role lines with dates and short labels


@dataclass
class Profile:
    """Units (segments, or chunks of long segments) of one resume and what they contain."""

    offsets: Int32Array  # (k, 2) character offsets into the text
    flags: UInt8Array  # (k,) section | LISTY_FLAG
    vectors: Float32Array  # (k, dim) float16-rounded, or (k, 0) when the text is not English
    terms: list[str]  # distinct terms of the text
    surfaces: list[str]  # how each term is first written
    flat_postings: Int32Array  # units each term occurs in (-1: outside any unit), term by term
    bounds: npt.NDArray[
        np.int64
    ]  # (terms + 1,) term i's units: flat_postings[bounds[i]:bounds[i+1]]
    date_spans: Float32Array  # (s, 2) [start, end) years; end < 0 means "until now"
    stated_years: float  # largest "N years" stated, 0 if none
    degree: int  # highest degree level found (0 none)
    chinese: bool
    specificity: Float32Array  # (terms,) :func:`term_specificity`, fixed per term
    _lookup: dict[str, int] | None = field(default=None, repr=False)

    def units_for(self, row: int) -> Int32Array:
        """The units term ``row`` occurs in."""
        return self.flat_postings[self.bounds[row] : self.bounds[row + 1]]

    @property
    def postings(self) -> list[Int32Array]:
        """Per term, the units it occurs in."""
        return [self.units_for(i) for i in range(len(self.terms))]

    def term_index(self, term: str) -> int:
        if self._lookup is None:
            self._lookup = {t: i for i, t in enumerate(self.terms)}
        return self._lookup.get(term, -1)

    def years(self, this_year: int) -> float | None:
        """Years of experience: the merged date ranges, or what the text states if more."""
        spans = sorted(
            (float(s), float(e) if e >= 0 else this_year + 0.5) for s, e in self.date_spans
        )
        total, cur_start, cur_end = 0.0, -1.0, -1.0
        for start, end in spans:
            if end > this_year + 1:
                continue
            if start > cur_end:
                total += max(0.0, cur_end - cur_start)
                cur_start, cur_end = start, end
            else:
                cur_end = max(cur_end, end)
        total += max(0.0, cur_end - cur_start)
        best = max(total, self.stated_years)
        return round(best, 1) if best > 0 else None


def units_of(masked: str) -> tuple[list[tuple[int, int]], list[int], list[str]]:
    """Segments of ``masked``: offsets, flags and texts (the texts go to the encoder)."""
    segs = segments(masked)
    flags = [
        s.section | (LISTY_FLAG if s.listy else 0) | (LABEL_FLAG if s.label else 0) for s in segs
    ]
    return [(s.start, s.end) for s in segs], flags, [s.text for s in segs]


def term_specificity(terms: Sequence[str], surfaces: Sequence[str]) -> Float32Array:
    """Each term's fixed specificity weight (``terms.term_weight``), 0.0 for stopwords, numbers
    and one-letter terms: what a resume's content terms weigh, independent of any job."""
    out = np.zeros(len(terms), np.float32)
    for i, (term, surface) in enumerate(zip(terms, surfaces, strict=True)):
        lower = surface.lower()
        if lex.is_stopword(term, lower) or (len(term) < 2 and not has_cjk(term)):
            continue
        out[i] = lex.term_weight(term, lower)
    return out


def build_profile(
    masked: str, offsets: Int32Array, flags: UInt8Array, vectors: Float32Array
) -> Profile:
    """Index the terms, dates and degrees of ``masked`` against its units."""
    starts = offsets[:, 0]
    ends = offsets[:, 1]
    where: dict[str, list[int]] = {}
    surface: dict[str, str] = {}
    toks = lex.with_implied(lex.tokens(masked))
    if toks:
        positions = np.fromiter((t.start for t in toks), dtype=np.int64, count=len(toks))
        unit = np.searchsorted(starts, positions, side="right") - 1
        inside = (unit >= 0) & (positions < ends[np.clip(unit, 0, None)] if len(ends) else False)
        unit = np.where(inside, unit, -1)
        for token, u in zip(toks, unit.tolist(), strict=True):
            where.setdefault(token.term, []).append(u)
            surface.setdefault(token.term, masked[token.start : token.end])
    levels = [level for level, _, _ in lex.degree_levels(masked)]
    spans, stated = lex.experience_spans(masked)
    terms = list(where)
    # each term's units, sorted and unique (np.unique per term cost ~0.7 ms a resume)
    postings = [sorted(set(where[t])) for t in terms]
    counts = np.fromiter((len(p) for p in postings), dtype=np.int64, count=len(postings))
    return Profile(
        offsets=offsets.astype(np.int32),
        flags=flags.astype(np.uint8),
        vectors=vectors,
        terms=terms,
        surfaces=[surface[t] for t in terms],
        flat_postings=np.fromiter(chain.from_iterable(postings), np.int32, int(counts.sum())),
        bounds=np.concatenate(([0], np.cumsum(counts))).astype(np.int64),
        date_spans=np.array(spans, dtype=np.float32).reshape(-1, 2),
        stated_years=stated,
        degree=max(levels) if levels else 0,
        chinese=is_chinese(masked),
        specificity=term_specificity(terms, [surface[t] for t in terms]),
    )
