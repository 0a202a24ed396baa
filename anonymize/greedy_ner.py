"""spaCy's NER with its greedy transition loop driven from Python: same entities, half the CPU.

spaCy 3.8's compiled greedy loop (``Parser._parseC``) runs with the interpreter lock released,
but its state accessors (``StateC.B_``, ``safe_get``, ...) take the lock back on every call to
check for errors. On the small English model that lock traffic is about half of NER's CPU time
(``perf``: ``pthread_mutex_lock``/``unlock`` under ``PyGILState_Ensure``). The same parser can
be stepped from Python, as spaCy's own beam search and training do: the step model scores the
unfinished states and ``transition_states`` applies the best valid action, with the lock held
throughout, so the accessors' checks cost nothing. The scores and the choice of action are the
same arithmetic (the suite checks the entities are identical to ``nlp.pipe``); on fictitious
resumes the tokenizer plus NER went from about 18 to 10 CPU ms per resume.

Anything but a plain greedy NER pipeline (other components, a beam) goes through ``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_STEPPING = ("moves", "model", "transition_states", "set_annotations")


def _stepper(nlp: Language) -> Any:
    """The NER component when it can be stepped from Python, else None."""
    if nlp.pipe_names != ["ner"]:
        return None
    ner = nlp.get_pipe("ner")
    if not all(hasattr(ner, name) for name in _STEPPING):
        return None
    if getattr(ner, "cfg", {}).get("beam_width", 1) != 1:
        return None
    return ner


def _annotate(ner: Any, docs: Sequence[Doc]) -> None:
    """Greedy transition parsing of ``docs`` (what ``ner.predict`` + ``set_annotations`` do)."""
    batch = ner.moves.init_batch(docs)
    if any(len(doc) for doc in docs):
        model = ner.model.predict(docs)  # tok2vec and the precomputed hidden layer
        states = [state for state in batch if not state.is_final()]
        while states:
            states = ner.transition_states(states, model.predict(states))
        model.clear_memory()
    ner.set_annotations(docs, batch)


def entity_docs(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """Docs with ``ents`` set, in the order of ``texts`` (like ``nlp.pipe``)."""
    ner = _stepper(nlp)
    if ner is None:
        yield from nlp.pipe(texts, batch_size=batch_size)
        return
    pending: list[Doc] = []
    for text in texts:
        pending.append(nlp.make_doc(text))
        if len(pending) >= batch_size:
            _annotate_batch(ner, pending, batch_size)
            yield from pending
            pending = []
    if pending:
        _annotate_batch(ner, pending, batch_size)
        yield from pending


def _annotate_batch(ner: Any, docs: Sequence[Doc], batch_size: int) -> None:
    """As spaCy's own ``pipe`` does: docs sorted by length, in sub-batches of a quarter batch
    (the tok2vec intermediates of a sub-batch are held while it is parsed: 32 resumes at once
    peaked about 75 MB higher than 8)."""
    by_length = sorted(docs, key=len)
    step = max(batch_size // 4, 2)
    for start in range(0, len(by_length), step):
        _annotate(ner, by_length[start : start + step])
