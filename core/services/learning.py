"""Learning from decisions: train, validate, store and adopt model versions; re-rank with them.

    result = run_to_end(learn(ws, engines, actor="ana"))       # or drive it with progress
    use_model(ws, "v2", actor="ana")  /  use_model(ws, "base", actor="ana")

``learn`` trains the scoring head on every job's decisions (or one job's), compares it with the
current model by grouped cross-validation (folds hold out whole jobs), stores the new version in
the workspace either way, and adopts it only if its cross-validated MAP is higher by more than
the noise of that measurement. ``rank_job`` applies :class:`Learned`, so after adoption ranking
uses the new model, and within a job that job's decisions, with no further step.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from core.domain import DecisionKind, ModelVersion
from core.errors import TrainingError, UserError
from core.services.engines import Engines
from core.services.learned import BASE_VERSION as BASE_VERSION

# re-exported: callers that take the scorer and Learned from here keep working
from core.services.learned import Learned as Learned
from core.services.learned import current_predict, latest_decisions
from core.services.learned import scorer_for as scorer_for
from core.services.progress import Progress

if TYPE_CHECKING:
    from core.storage import Workspace

log = logging.getLogger(__name__)

MIN_DECISIONS = 20
MIN_PER_SIDE = 3  # at least this many shortlist/hold and this many rejects
DOMINANT_SHARE = 0.6  # warn when one job holds more than this share of the decisions

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class TrainingSet:
    summary: FloatArray  # (n, features)
    targets: FloatArray  # (n,)
    groups: list[int]  # job id of each example
    candidates: list[int]
    pairs: list[tuple[str, str, float]] = field(default_factory=list)  # for encoder fine-tuning

    @property
    def data_hash(self) -> str:
        digest = hashlib.sha256()
        digest.update(np.ascontiguousarray(self.summary, "<f4").tobytes())
        digest.update(np.ascontiguousarray(self.targets, "<f4").tobytes())
        digest.update(
            ",".join(f"{g}:{c}" for g, c in zip(self.groups, self.candidates, strict=True)).encode()
        )
        return digest.hexdigest()

    @property
    def n(self) -> int:
        return len(self.targets)


@dataclass(frozen=True)
class LearnResult:
    adopted: bool
    model_version: str  # the stored version ("v3"); the active one is this if adopted
    examples: int
    cv_before: float
    cv_after: float
    reason: str
    warnings: tuple[str, ...] = ()
    learned: tuple[str, ...] = ()  # "what was learned", plain words
    active_version: str = BASE_VERSION

    def as_json(self) -> dict[str, Any]:
        return {
            "adopted": self.adopted,
            "model_version": self.model_version,
            "examples": self.examples,
            "cv": {"before": round(self.cv_before, 4), "after": round(self.cv_after, 4)},
            "reason": self.reason,
            "warnings": list(self.warnings),
            "learned": list(self.learned),
            "active_version": self.active_version,
        }


def check_enough(decided: Mapping[int, Mapping[int, float]]) -> list[str]:
    """Raise ``TrainingError`` when there are too few decisions; return warnings."""
    values = [t for job in decided.values() for t in job.values()]
    positives = sum(1 for t in values if t >= 0.5)
    negatives = len(values) - positives
    if len(values) < MIN_DECISIONS:
        raise TrainingError(
            f"Too few decisions to learn from: {len(values)}; at least {MIN_DECISIONS} are needed.",
            hint="Shortlist, hold or reject more candidates (or load them with "
            "'veil decide --job ID --csv FILE'), then try again.",
        )
    if positives < MIN_PER_SIDE or negatives < MIN_PER_SIDE:
        raise TrainingError(
            f"The decisions are too one-sided to learn from ({positives} shortlisted or held, "
            f"{negatives} rejected); at least {MIN_PER_SIDE} of each are needed.",
            hint="Record decisions on both sides, then try again.",
        )
    warnings = []
    sizes = {job: len(c) for job, c in decided.items()}
    top_job, top = max(sizes.items(), key=lambda kv: kv[1])
    if len(sizes) == 1:
        warnings.append(
            f"All decisions come from one job (job {top_job}): the model learns that job's "
            "preferences and may not carry over to other jobs."
        )
    elif top / len(values) > DOMINANT_SHARE:
        warnings.append(
            f"Job {top_job} holds {100 * top / len(values):.0f}% of the decisions: the model "
            "leans towards what mattered for that job."
        )
    return warnings


def collect(
    scorer: Any,
    ws: Workspace,
    decided: Mapping[int, Mapping[int, float]],
    *,
    pairs: bool = False,
) -> Generator[Progress, None, TrainingSet]:
    """Score every decided candidate and build the features (and fine-tuning pairs)."""
    from core.scoring.training.features import FeatureBuilder

    builder = FeatureBuilder(scorer)
    total = sum(len(c) for c in decided.values())
    summaries: list[FloatArray] = []
    targets: list[float] = []
    groups: list[int] = []
    cands: list[int] = []
    pair_list: list[tuple[str, str, float]] = []
    done = 0
    for job_id in sorted(decided):
        job = ws.jobs.get(job_id)
        if not job.requirements:
            continue
        texts = {cid: ws.candidates.get(cid).redacted_text for cid in sorted(decided[job_id])}
        scored = dict(scorer.rank(job.requirements, texts, job_text=job.text))
        ids = list(texts)
        feats = builder.build(
            job.text, [scored[c] for c in ids], [texts[c] for c in ids], with_terms=False
        )
        for cid, f in zip(ids, feats, strict=True):
            target = decided[job_id][cid]
            summaries.append(f.summary)
            targets.append(target)
            groups.append(job_id)
            cands.append(cid)
            if pairs:
                for r in scored[cid].requirements:
                    if r.evidence is not None and r.method != "lexical":
                        pair_list.append((r.requirement.text, r.evidence.text, target))
        done += len(ids)
        yield Progress(done, total, job_id, "reading decisions")
    if not summaries:
        raise TrainingError(
            "None of the decided jobs has requirements to learn from.",
            hint="Add requirements to the job, then try again.",
        )
    return TrainingSet(
        summary=np.stack(summaries).astype(np.float32),
        targets=np.asarray(targets, np.float32),
        groups=groups,
        candidates=cands,
        pairs=pair_list,
    )


def learn(
    ws: Workspace,
    engines: Engines,
    *,
    job_id: int | None = None,
    encoder: bool = False,
    actor: str = "",
    targets: Mapping[DecisionKind, float] | None = None,
    config: Any = None,
) -> Generator[Progress, None, LearnResult]:
    """Train on the decisions (all jobs, or ``job_id``'s), validate, store, adopt if better."""
    from core.scoring.training.head import explain_words

    if job_id is not None:
        ws.jobs.get(job_id)
    decided = latest_decisions(ws, job_id, targets)
    warnings = check_enough(decided)
    current, current_version = current_predict(ws)
    data, before, tuned = yield from _training_data(ws, engines, decided, current, encoder=encoder)
    cv, head = yield from _validate_and_train(data, before, config)
    metrics = {
        "cv_before": cv.before,
        "cv_after": cv.after,
        "cv_folds": cv.folds,
        "cv_grouped": cv.grouped,
        "cv_gain_stderr": cv.gain_stderr,
        "compared_with": current_version,
        "jobs": len(set(data.groups)),
        "epochs": len(head.history),
        "learned": explain_words(head),
    }
    if encoder:
        metrics["encoder_note"] = (
            "encoder fine-tuned on (requirement, evidence, decision) pairs; the head trained and "
            "cross-validated on its features"
        )
    adopt = cv.better
    version = _store(ws, engines, data, head, metrics, tuned, adopt, (actor, current_version))
    log.info("model %s trained on %d examples; adopted=%s", version.version, data.n, cv.better)
    return LearnResult(
        adopted=cv.better,
        model_version=version.version,
        examples=data.n,
        cv_before=cv.before,
        cv_after=cv.after,
        reason=_verdict(cv, current_version),
        warnings=tuple(warnings),
        learned=tuple(explain_words(head)),
        active_version=version.version if cv.better else current_version,
    )


def _training_data(
    ws: Workspace,
    engines: Engines,
    decided: Mapping[int, Mapping[int, float]],
    current: Callable[[FloatArray], FloatArray],
    *,
    encoder: bool,
) -> Generator[Progress, None, tuple[TrainingSet, FloatArray, tuple[bytes | None, str]]]:
    """The examples on the features of the encoder the new version will use; the current
    model's predictions on its own encoder's features; the new version's fine-tuned encoder
    weights and hash ((None, "") for none)."""
    from core.scoring import Scorer

    scorer = scorer_for(ws, engines)
    if not isinstance(scorer, Scorer):
        raise TrainingError(
            "Learning needs the real scoring model.", hint="(a stand-in scorer is loaded)"
        )
    data = yield from collect(scorer, ws, decided, pairs=encoder)
    before = current(data.summary)
    active = ws.models.active()
    if encoder:
        tuned = yield from _finetune(scorer.encoder, data)
        data_tuned = yield from collect(Scorer(tuned.encoder, ws.embeddings), ws, decided)
        return data_tuned, before, (tuned.weights, tuned.weights_sha256)
    if active is not None and active.encoder_hash:
        # the features came from the adopted fine-tuned encoder: the new version keeps it
        return data, before, (ws.models.weights(active.id)[1], active.encoder_hash)
    return data, before, (None, "")


def _validate_and_train(
    data: TrainingSet, before: FloatArray, config: Any
) -> Generator[Progress, None, tuple[Any, Any]]:
    """Cross-validate the head against the current model's predictions, then train it on all."""
    from core.scoring.training.head import fit_head, train_head
    from core.scoring.training.validation import cross_validate

    def train(
        x: FloatArray, y: FloatArray, g: Sequence[object]
    ) -> Callable[[FloatArray], FloatArray]:
        return fit_head(x, y, g, config).predict

    yield Progress(0, 1, None, "cross-validating")
    cv = cross_validate(data.summary, data.targets, data.groups, train, before)
    yield Progress(1, 1, None, "cross-validating")
    gen = train_head(data.summary, data.targets, data.groups, config)
    while True:
        try:
            epoch, epochs = next(gen)
        except StopIteration as stop:
            return cv, stop.value
        yield Progress(epoch, epochs, None, "training the head")


def _verdict(cv: Any, current_version: str) -> str:
    """Why the new version was adopted or not, in plain words."""
    folds = "jobs held out" if cv.grouped else "candidates of one job held out"
    if cv.better:
        return (
            f"Cross-validated MAP rose from {cv.before:.3f} ({current_version}) to "
            f"{cv.after:.3f} ({cv.folds} folds, {folds})."
        )
    if cv.after > cv.before:
        return (
            f"Not adopted: cross-validated MAP rose from {cv.before:.3f} ({current_version}) "
            f"to only {cv.after:.3f}, within the noise of the measurement (standard error "
            f"{cv.gain_stderr:.3f} across jobs; {cv.folds} folds, {folds})."
        )
    return (
        f"Not adopted: cross-validated MAP {cv.after:.3f} is not above the current "
        f"model's {cv.before:.3f} ({current_version}; {cv.folds} folds, {folds})."
    )


def _store(
    ws: Workspace,
    engines: Engines,
    data: TrainingSet,
    head: Any,
    metrics: dict[str, Any],
    tuned: tuple[bytes | None, str],
    adopt: bool,
    audit: tuple[str, str],
) -> ModelVersion:
    """Store the new version (always) and make it the active one when it ranked better."""
    encoder_weights, encoder_hash = tuned
    actor, previous = audit
    with ws.transaction():
        version: ModelVersion = ws.models.add(
            kind="head+encoder" if encoder_weights is not None else "head",
            data_hash=data.data_hash,
            base_model_hash=str(getattr(engines.encoder, "model_hash", "")),
            metrics=metrics,
            examples=data.n,
            weights=head.to_bytes(),
            encoder_weights=encoder_weights,
            encoder_hash=encoder_hash,
        )
        if adopt:
            ws.models.set_active(version.id)
            ws.audit.append(
                "model.adopted",
                actor,
                {"model": version.version, "examples": data.n, "previous": previous},
            )
    return version


def _finetune(base: Any, data: TrainingSet) -> Generator[Progress, None, Any]:
    from core.scoring.training.encoder_finetune import finetune, make_pair

    if not data.pairs:
        raise TrainingError("There is nothing to fine-tune the encoder on.")
    pairs = [make_pair(q, p, t) for q, p, t in data.pairs]
    gen = finetune(base, pairs)
    while True:
        try:
            step, total = next(gen)
        except StopIteration as stop:
            return stop.value
        yield Progress(step, total, None, "fine-tuning the encoder")


def list_models(ws: Workspace) -> list[ModelVersion]:
    models: list[ModelVersion] = ws.models.list()
    return models


def use_model(ws: Workspace, version: str, *, actor: str = "") -> ModelVersion | None:
    """Make ``version`` the active model ("base": the untrained scorer); audited as
    ``model.adopted`` (a newer version) or ``model.rolled_back`` (an older one, or base)."""
    current = ws.models.active()
    target = None if version.strip().lower() == BASE_VERSION else ws.models.get(version)
    if target is not None and not target.adopted_at and not target.active:
        raise UserError(
            f"Model {target.version} was never adopted: it did not rank better in "
            "cross-validation.",
            hint="Only versions adopted once (or 'base') can be used.",
        )
    if target is not None:
        from core.services.models import check_learned_fits

        check_learned_fits(ws, target)
    new_id = None if target is None else target.id
    old_id = None if current is None else current.id
    if new_id == old_id:
        return target
    rollback = target is None or (old_id is not None and target.id < old_id)
    with ws.transaction():
        ws.models.set_active(new_id)
        ws.audit.append(
            "model.rolled_back" if rollback else "model.adopted",
            actor,
            {
                "model": BASE_VERSION if target is None else target.version,
                "previous": BASE_VERSION if current is None else current.version,
            },
        )
    return target
