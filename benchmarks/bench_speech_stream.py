"""Streamed transcription at real speed: how soon feedback follows stop, and whether the streamed
transcript is as accurate as the whole recording transcribed at once.

Run (once; it streams in real time; record the output in docs/benchmarks.md, section Streaming):
    COACH_BENCH_NATHALIE=/path/to/dataset-voice-nathalie COACH_BENCH_CV=/path/to/cv-sample \\
    .venv/bin/python benchmarks/bench_speech_stream.py

A two-minute Dutch answer (one native speaker's sentences joined, see speech_corpora.py) and a one-minute
English one (Common Voice clips joined) are sent in quarter-second chunks at the pace they were spoken to a
worker thread that feeds coach.speech.stream.StreamTranscriber, as the web server does. Measured: when the
first words came, the seconds from stop to the finished transcript and to the feedback (engine included),
CPU seconds, and the WER of both transcripts against the reference (normalised as in bench_speech_human.py).
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_speech_human import wer  # noqa: E402
from speech_corpora import SAMPLE_RATE, Clip, common_voice, joined, nathalie, source_path  # noqa: E402

CHUNK_S = 0.25
TARGET_S = 3.0


def stream(clip: Clip, lang: str, speed: float) -> dict[str, float | str]:
    """Stream `clip` at `speed` times real time; the timings and the streamed text."""
    from coach import check
    from coach.speech.stream import StreamTranscriber

    first: list[float] = []
    began = time.perf_counter()
    transcriber = StreamTranscriber(lang, on_words=lambda words: first.append(time.perf_counter() - began))  # type: ignore[arg-type]
    chunks: queue.Queue[object] = queue.Queue()
    done = threading.Event()
    stopped_at = [0.0]
    result: dict[str, float | str] = {}

    def worker() -> None:
        while True:
            item = chunks.get()
            pieces = [item]
            while not chunks.empty():
                pieces.append(chunks.get())
            import numpy as np

            audio = [p for p in pieces if p is not None]
            if audio:
                transcriber.feed(np.concatenate(audio))  # type: ignore[arg-type]
            if any(p is None for p in pieces):
                transcript = transcriber.finish()
                result["transcript_after_stop_s"] = time.perf_counter() - stopped_at[0]
                check(transcript.text, lang=lang)
                result["feedback_after_stop_s"] = time.perf_counter() - stopped_at[0]
                result["text"] = transcript.text
                done.set()
                return

    cpu = time.process_time()
    thread = threading.Thread(target=worker)
    thread.start()
    step = int(CHUNK_S * SAMPLE_RATE)
    for i in range(0, len(clip.samples), step):
        chunks.put(clip.samples[i : i + step])
        time.sleep(CHUNK_S / speed)
    stopped_at[0] = time.perf_counter()
    chunks.put(None)
    done.wait()
    thread.join()
    result["cpu_s"] = time.process_time() - cpu
    result["first_words_s"] = first[0] if first else float("nan")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nathalie", help="nathalie dataset (else COACH_BENCH_NATHALIE)")
    parser.add_argument("--cv", help="Common Voice sample (else COACH_BENCH_CV)")
    parser.add_argument("--speed", type=float, default=1.0, help="1.0 = real time (the measurement)")
    args = parser.parse_args()
    from coach.speech.transcribe import load_model, resolve_mode, transcribe

    answers: list[tuple[str, str, Clip]] = []
    voice = source_path("COACH_BENCH_NATHALIE", args.nathalie)
    if voice is not None:
        answers.append(("nl", "nathalie, 2-minute answer", joined(nathalie(voice, 80, skip=5), 120)))
    cv = source_path("COACH_BENCH_CV", args.cv)
    if cv is not None:
        answers.append(("en", "Common Voice clips, 1-minute answer", joined(common_voice(cv, "en", 40), 60)))
    if not answers:
        sys.exit("No human recordings found: set COACH_BENCH_NATHALIE and/or COACH_BENCH_CV.")
    load_model()
    print(
        f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}, speed {args.speed}x real time"  # noqa: E501
    )
    print(
        "\n| language | answer | mode | audio | whole-file WER | streamed WER | first words after | transcript after stop | feedback after stop | CPU s (stream) | CPU s (whole file) |"  # noqa: E501
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for lang, name, clip in answers:
        cpu = time.process_time()
        whole = transcribe(clip.samples, lang).text
        whole_cpu = time.process_time() - cpu
        streamed = stream(clip, lang, args.speed)
        print(
            f"| {lang} | {name} | {resolve_mode(lang)} | {clip.seconds:.0f} s | {wer([clip.text], [whole], lang):.3f} "  # noqa: E501
            f"| {wer([clip.text], [str(streamed['text'])], lang):.3f} | {streamed['first_words_s']:.1f} s "
            f"| {streamed['transcript_after_stop_s']:.2f} s | {streamed['feedback_after_stop_s']:.2f} s "
            f"| {streamed['cpu_s']:.0f} | {whole_cpu:.0f} |",
            flush=True,
        )
    print(f"\ntarget: feedback within {TARGET_S:.0f} s of stop; load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
