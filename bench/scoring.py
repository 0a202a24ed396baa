"""Scoring speed and memory (printed, not asserted).

    .venv/bin/python bench/scoring.py [--device cpu|cuda] [--candidates 1000]

1. Encoder throughput: Veil's encoder against a bare torch loop over the same model and the same
   texts (the segments Veil encodes for the ranking set's resumes, then full 256-token windows),
   both single-process, same thread count. The bare loop tokenises with padding to the longest
   text of each batch of 32, in the given order, then runs the model and mean-pools.
2. A new job against N already-encoded candidates, warm: N resumes are stored in a real encrypted
   workspace's embedding cache (the ranking set's resumes, copied with a distinct last line so
   each has its own key; the copies reuse the original's embeddings), then a job never seen
   before is ranked end to end as the ranking service does: requirement parsing and encoding,
   cache reads, the requirements part, and the pool terms (document match over the N
   candidates' statistics, whole-resume similarity; target <= 2 s, issue 15).
3. Peak RSS of this process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()

import numpy as np  # noqa: E402

from core.scoring import Scorer, load_encoder, parse_requirements  # noqa: E402
from core.scoring.cache import dump_profile, text_key  # noqa: E402
from core.scoring.chunking import is_chinese, mask_placeholders  # noqa: E402
from core.scoring.encoder import MAX_TOKENS, Encoder, machine_threads  # noqa: E402
from core.scoring.evaluation import load_ranking_set  # noqa: E402
from core.scoring.profile import build_profile, units_of  # noqa: E402

NEW_JOB = """Platform Reliability Engineer

Requirements
- 3+ years running production Linux systems
- Infrastructure as code with Terraform or Ansible
- Monitoring and alerting with Prometheus and Grafana
- Scripting in Python or Bash
- Experience with incident response and post-mortems

Nice to have
- Kubernetes administration
- AWS or GCP certification
"""


def bare_loop(encoder: Encoder, texts: list[str], batch: int = 32) -> float:
    """Seconds for the plain loop: pad to longest per batch, model, mean pooling."""
    import torch
    from transformers import BertTokenizerFast

    from core.scoring.encoder import default_model_dir

    tokenizer = BertTokenizerFast.from_pretrained(str(default_model_dir()), local_files_only=True)
    model = encoder._model
    started = time.perf_counter()
    with torch.inference_mode():
        for at in range(0, len(texts), batch):
            enc = tokenizer(
                texts[at : at + batch],
                padding=True,
                truncation=True,
                max_length=MAX_TOKENS,
                return_tensors="pt",
            ).to(encoder.device)
            out = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"])
            mask = enc["attention_mask"].unsqueeze(-1).to(out.last_hidden_state.dtype)
            pooled = (out.last_hidden_state * mask).sum(1) / mask.sum(1)
            torch.nn.functional.normalize(pooled, dim=1).float().cpu().numpy()
    return time.perf_counter() - started


def throughput(encoder: Encoder, label: str, texts: list[str], rounds: int) -> None:
    tokens = sum(min(n + 2, MAX_TOKENS) for n in encoder.count_tokens(texts))
    veil, bare = [], []
    for _ in range(rounds):  # interleaved, so that machine drift hits both alike
        started = time.perf_counter()
        encoder.encode_chunks(texts)
        veil.append(time.perf_counter() - started)
        bare.append(bare_loop(encoder, texts))
    v, b = float(np.median(veil)), float(np.median(bare))
    print(
        f"{label}: {len(texts)} texts, {tokens} tokens\n"
        f"  Veil encoder : {len(texts) / v:8.1f} texts/s  {tokens / v:8.0f} tokens/s  ({v:.2f} s)\n"
        f"  bare loop    : {len(texts) / b:8.1f} texts/s  {tokens / b:8.0f} tokens/s  ({b:.2f} s)\n"
        f"  Veil / bare  : {b / v:.2f}  (median of {rounds})"
    )


def windows(encoder: Encoder, texts: list[str], count: int) -> list[str]:
    """Full 256-token windows cut from the texts (decoded back to text)."""
    out: list[str] = []
    for text in texts:
        ids = encoder._tokenizer.encode(text, add_special_tokens=False).ids
        for at in range(0, len(ids) - (MAX_TOKENS - 2) + 1, MAX_TOKENS - 2):
            out.append(encoder._tokenizer.decode(ids[at : at + MAX_TOKENS - 2]))
            if len(out) == count:
                return out
    return out


def rank_new_job(encoder: Encoder, resumes: list[str], candidates: int) -> None:
    from core.storage import Workspace

    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace.create(Path(folder) / "bench.veil", "bench passphrase 1")
        try:
            scorer = Scorer(encoder, ws.embeddings)
            started = time.perf_counter()
            base = scorer.embeddings(resumes)  # encode the originals once (cold)
            cold = time.perf_counter() - started
            texts: dict[int, str] = {}
            items: dict[str, bytes] = {}
            for i in range(candidates):
                j = i % len(resumes)
                text = f"{resumes[j]}\nReference {i}\n"
                masked = mask_placeholders(text)
                profile = base[j]
                copy = build_profile(masked, profile.offsets, profile.flags, profile.vectors)
                texts[i] = text
                items[text_key(masked)] = dump_profile(copy)
            ws.embeddings.put_many(encoder.model_hash, items)
            print(
                f"cold: {len(resumes)} resumes encoded in {cold:.1f} s "
                f"({len(resumes) / cold:.2f} resumes/s)"
            )
            requirements = parse_requirements(NEW_JOB)
            list(scorer.rank(parse_requirements("Requirements\n- Python\n"), {0: texts[0]}))
            timings = []
            for round_ in range(3):
                job = (
                    requirements if round_ == 0 else parse_requirements(NEW_JOB + f"- R{round_}\n")
                )
                started = time.perf_counter()
                text = NEW_JOB if round_ == 0 else NEW_JOB + f"- R{round_}\n"
                ranked = sorted(
                    scorer.rank(job, texts, job_text=text),
                    key=lambda pair: pair[1].score,
                    reverse=True,
                )
                timings.append(time.perf_counter() - started)
                assert len(ranked) == candidates
            print(
                f"new job vs {candidates} encoded candidates (real workspace cache), warm: "
                f"{min(timings):.2f} s best, {float(np.median(timings)):.2f} s median of 3"
            )
        finally:
            ws.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--candidates", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--ranking-only", action="store_true", help="skip the encoder throughput (1)"
    )
    args = parser.parse_args()
    data = load_ranking_set(ROOT / "tests" / "data" / "ranking")
    resumes = [t for t in data.resumes.values() if not is_chinese(mask_placeholders(t))]
    encoder = load_encoder(args.device)
    print(f"device {encoder.device} ({encoder.dtype}), torch threads {machine_threads()}")
    if not args.ranking_only:
        segments = [text for r in resumes[:20] for text in units_of(mask_placeholders(r))[2]]
        throughput(encoder, "segments of 20 resumes (what Veil encodes)", segments, args.rounds)
        throughput(encoder, "full 256-token windows", windows(encoder, resumes, 48), args.rounds)
    rank_new_job(encoder, resumes, args.candidates)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
