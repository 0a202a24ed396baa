"""The heavy parts (sandboxed intake workers, Presidio redactor, BERT encoder), loaded lazily.

One ``Engines`` object is shared by the CLI, the GUI and the tests. Nothing heavy is imported
until a part is first used or ``load()`` is called; the GUI calls ``load()`` in a worker thread
so the window shows at once. Tests inject fakes for any part (``Engines(redactor=fake, ...)``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from core.services.ports import EncoderLike, IntakeLike, RedactorLike, ScorerLike

if TYPE_CHECKING:
    from core.scoring.model_import import EncoderSource

log = logging.getLogger(__name__)

ScorerFactory = Callable[[EncoderLike | None, Any], ScorerLike]


def _real_intake() -> IntakeLike:
    from core.intake import IntakePool

    pool = IntakePool()
    pool.start()  # the sandboxed workers warm up in parallel with the other engines
    return pool


def _real_redactor() -> RedactorLike:
    # its own process: an import's redaction then never waits for the encoder's interpreter
    # lock, nor the encoder for its (see redaction_process)
    from core.services.redaction_process import RedactionProcess

    return RedactionProcess()


def _real_encoder(device: str, source: EncoderSource | None = None) -> EncoderLike:
    if source is not None:  # an imported encoder, checked against its manifest
        return source.load(device)  # type: ignore[no-any-return]
    from core.scoring import load_encoder

    return load_encoder(device=device)


def _real_scorer(encoder: EncoderLike | None, cache: Any) -> ScorerLike:
    from core.scoring import Scorer

    return Scorer(encoder, cache)  # type: ignore[arg-type]


class Engines:
    """Lazy holder of the intake pool, the redactor and the encoder/scorer."""

    def __init__(
        self,
        *,
        intake: IntakeLike | None = None,
        redactor: RedactorLike | None = None,
        encoder: EncoderLike | None = None,
        scorer_factory: ScorerFactory | None = None,
        device: str = "auto",
    ) -> None:
        self._intake = intake
        self._redactor = redactor
        self._encoder = encoder
        self._owns_intake = intake is None
        self._owns_redactor = redactor is None
        self._owns_encoder = encoder is None
        self._encoder_source: EncoderSource | None = None  # None: the built-in encoder
        self._scorer_factory = scorer_factory
        self.device = device
        self._lock = threading.RLock()

    # --- parts -------------------------------------------------------------------------------
    @property
    def intake(self) -> IntakeLike:
        with self._lock:
            if self._intake is None:
                log.info("starting the intake workers")
                self._intake = _real_intake()
            return self._intake

    @property
    def redactor(self) -> RedactorLike:
        with self._lock:
            if self._redactor is None:
                log.info("loading the redactor")
                self._redactor = _real_redactor()
            return self._redactor

    @property
    def encoder(self) -> EncoderLike | None:
        """The encoder, or None when a fake scorer factory needs none."""
        with self._lock:
            if self._encoder is None and self._scorer_factory is None:
                log.info("loading the encoder")
                self._encoder = _real_encoder(self.device, self._encoder_source)
            return self._encoder

    def use_encoder(self, source: EncoderSource | None) -> None:
        """Load the encoder from ``source`` from now on (None: the built-in one); a loaded
        encoder of another model is dropped and the new one loads when first needed. An
        encoder handed to the constructor is kept as given (tests, benches)."""
        with self._lock:
            if source == self._encoder_source:
                return
            self._encoder_source = source
            if self._owns_encoder:
                self._encoder = None

    def scorer(self, cache: Any = None) -> ScorerLike:
        """A scorer over the shared encoder that caches embeddings in ``cache`` (a workspace's
        ``ws.embeddings``)."""
        factory = self._scorer_factory or _real_scorer
        return factory(self.encoder, cache)

    @property
    def loaded(self) -> bool:
        return (
            self._intake is not None
            and self._redactor is not None
            and (self._encoder is not None or self._scorer_factory is not None)
        )

    def load(self) -> None:
        """Load every part now (slow: seconds). Call it off the GUI thread."""
        _ = self.intake  # first: its worker processes start up while the models load
        redactor = self.redactor  # its process loads its models while the encoder loads
        _ = self.encoder
        wait_ready = getattr(redactor, "wait_ready", None)
        if wait_ready is not None:
            wait_ready()

    # --- life --------------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            intake, self._intake = self._intake, None
            redactor = self._redactor if self._owns_redactor else None
            if redactor is not None:
                self._redactor = None
        if intake is not None and self._owns_intake:
            closer = getattr(intake, "close", None) or getattr(intake, "shutdown", None)
            if closer is not None:
                closer()
        close_redactor = getattr(redactor, "close", None)
        if close_redactor is not None:
            close_redactor()

    def __enter__(self) -> Engines:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
