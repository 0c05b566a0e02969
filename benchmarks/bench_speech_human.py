"""Word error rate, filler recall and speed of every Whisper model and filler mode Coach can use, on human
Dutch and English speech (public CC0 recordings, read in place; see benchmarks/speech_corpora.py).

Run once (slow on 2 cores); the output goes in docs/benchmarks.md, section Speech on human voices:
    COACH_BENCH_CV=/path/to/rsample-100-cv-corpus-6.1-2020-12-11 \\
    COACH_BENCH_NATHALIE=/path/to/dataset-voice-nathalie \\
    .venv/bin/python benchmarks/bench_speech_human.py --clips 30

Sets per language: short sentences as they were recorded (a few seconds: a brief answer or a follow-up), and
clips joined into answers of one and two minutes (one speaker where the source allows). Word error rate with
jiwer after this normalisation of both sides: lower case; number words to digits (text2num, per language);
hyphens to spaces; punctuation dropped except apostrophes inside words; filler sounds (eh, ehm, uh, um...)
dropped, so the WER is about words only. Filler recall is measured on espeak-ng sentences with fillers
(benchmarks/bench_speech.py), as the human recordings are read aloud and hold none; on human speech the
table counts fillers written where none was said. Speed: CPU seconds and wall seconds per second of audio.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from speech_corpora import Clip, common_voice, joined, nathalie, source_path  # noqa: E402

FILLER_SOUNDS = re.compile(r"^(?:e+h*e*m*|u+h+m*|u+m+|hmm+|mm+|er+m*|ehem)$")
SETTINGS: dict[str, list[tuple[str, str]]] = {
    "nl": [("base", "prompt"), ("base", "plain"), ("base", "fillers")],
    "en": [
        ("base", "prompt"),
        ("base", "plain"),
        ("base", "fillers"),
        ("tiny.en", "prompt"),
        ("tiny.en", "plain"),
    ],
}


def normalise(text: str, lang: str) -> str:
    """The text as it is scored: see the module docstring."""
    from text_to_num import alpha2digit

    text = alpha2digit(text.lower(), lang)
    text = text.replace("-", " ").replace("’", "'")
    words = re.findall(r"\w+(?:'\w+)*", text)
    return " ".join(w for w in words if not FILLER_SOUNDS.match(w))


def wer(references: list[str], hypotheses: list[str], lang: str) -> float:
    """Corpus word error rate (jiwer) after normalisation."""
    import jiwer

    pairs = [(normalise(r, lang), normalise(h, lang)) for r, h in zip(references, hypotheses, strict=True)]
    pairs = [(r, h) for r, h in pairs if r]
    return float(jiwer.wer([r for r, _ in pairs], [h for _, h in pairs]))


def count_fillers(text: str, lang: str) -> int:
    """Fillers by Coach's own rules (ehm, uhm, nou, zeg maar; um, uh, like...)."""
    from coach.analysis.fillers import find_fillers

    return len(find_fillers(text, lang))


def run(clips: list[Clip], lang: str, model: str, mode: str) -> tuple[list[str], float, float]:
    """Transcripts of the clips, CPU seconds and wall seconds."""
    from coach.speech.transcribe import transcribe

    cpu, wall = time.process_time(), time.perf_counter()
    texts = [transcribe(c.samples, lang, model, mode=mode).text for c in clips]  # type: ignore[arg-type]
    return texts, time.process_time() - cpu, time.perf_counter() - wall


def filler_sentences(lang: str, folder: Path) -> list[Clip]:
    """The espeak-ng sentences with fillers of bench_speech.py, as clips."""
    from bench_speech import SENTENCES, speak
    from faster_whisper.audio import decode_audio

    return [
        Clip("espeak", "espeak", s, decode_audio(str(speak(s, folder / f"{lang}{i}.wav", lang))))
        for i, s in enumerate(SENTENCES[lang])
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", help="Common Voice sample (else COACH_BENCH_CV)")
    parser.add_argument("--nathalie", help="nathalie dataset (else COACH_BENCH_NATHALIE)")
    parser.add_argument("--clips", type=int, default=30, help="short sentences per source")
    parser.add_argument("--langs", default="nl,en")
    parser.add_argument("--only", help="only these settings, e.g. base/fillers,tiny.en/plain")
    parser.add_argument(
        "--short-only", action="store_true", help="skip the joined one- and two-minute answers"
    )
    args = parser.parse_args()
    from coach.speech.models import ensure_model

    cv = source_path("COACH_BENCH_CV", args.cv)
    voice = source_path("COACH_BENCH_NATHALIE", args.nathalie)
    if cv is None and voice is None:
        sys.exit("No human recordings found: set COACH_BENCH_CV and/or COACH_BENCH_NATHALIE.")
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}")
    sets: dict[str, list[tuple[str, list[Clip]]]] = {"nl": [], "en": []}
    if cv is not None:
        for lang in ("nl", "en"):
            short = common_voice(cv, lang, args.clips)
            speakers = len({c.speaker for c in short})
            sets[lang].append((f"Common Voice, {len(short)} short clips, {speakers} speakers", short))
            if args.short_only:
                continue
            more = common_voice(cv, lang, 100)
            by_speaker: dict[str, list[Clip]] = {}
            for c in more:
                by_speaker.setdefault(c.speaker, []).append(c)
            most = max(by_speaker.values(), key=lambda cs: sum(c.seconds for c in cs))
            if sum(c.seconds for c in most) >= 45:
                one = joined(most, 60)
                sets[lang].append((f"Common Voice, one speaker's clips joined ({one.seconds:.0f} s)", [one]))
            else:
                one = joined(more, 60)
                sets[lang].append((f"Common Voice, clips joined, {one.speaker} ({one.seconds:.0f} s)", [one]))
    if voice is not None:
        short = nathalie(voice, args.clips)
        sets["nl"].append((f"nathalie (one native speaker), {len(short)} short sentences", short))
    if voice is not None and not args.short_only:
        long = nathalie(voice, 80, skip=5)
        two = joined(long, 120)
        one = joined(list(reversed(long)), 60)  # other sentences than the 2-minute answer's first ones
        sets["nl"].append((f"nathalie, sentences joined into a 2-minute answer ({two.seconds:.0f} s)", [two]))
        sets["nl"].append((f"nathalie, sentences joined into a 1-minute answer ({one.seconds:.0f} s)", [one]))
    print(
        "\n| language | recordings | model | fillers | WER | fillers written where none was said | CPU s per audio s | wall s per audio s |"  # noqa: E501
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    langs = args.langs.split(",")
    for lang in langs:
        for model, mode in SETTINGS[lang]:
            if args.only and f"{model}/{mode}" not in args.only.split(","):
                continue
            ensure_model(model)
            for name, clips in sets[lang]:
                texts, cpu, wall = run(clips, lang, model, mode)
                audio = sum(c.seconds for c in clips)
                invented = sum(count_fillers(t, lang) for t in texts) - sum(
                    count_fillers(c.text, lang) for c in clips
                )
                error = wer([c.text for c in clips], texts, lang)
                print(
                    f"| {lang} | {name} | {model} | {mode} | {error:.2f} | {max(0, invented)} | {cpu / audio:.2f} | {wall / audio:.2f} |",  # noqa: E501
                    flush=True,
                )
    print(
        "\nFiller recall (espeak-ng sentences with fillers; Coach's filler rules on both sides):\n"
    )
    print("| language | model | fillers | fillers kept / said | fillers invented | WER |")
    print("| --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            clips = filler_sentences(lang, Path(tmp))
            for model, mode in SETTINGS[lang]:
                if args.only and f"{model}/{mode}" not in args.only.split(","):
                    continue
                texts, _, _ = run(clips, lang, model, mode)
                said = [count_fillers(c.text, lang) for c in clips]
                heard = [count_fillers(t, lang) for t in texts]
                kept = sum(min(a, b) for a, b in zip(said, heard, strict=True))
                invented = sum(max(0, b - a) for a, b in zip(said, heard, strict=True))
                error = wer([c.text for c in clips], texts, lang)
                print(
                    f"| {lang} | {model} | {mode} | {kept}/{sum(said)} | {invented} | {error:.2f} |",
                    flush=True,
                )
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
