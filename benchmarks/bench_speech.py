"""Speed, memory and accuracy of spoken-answer transcription with the default Whisper model ("base").

Run: .venv/bin/python benchmarks/bench_speech.py   (record the output in docs/benchmarks.md, section Speech)

Prints the real-time factor (transcription time / audio length) and the peak memory of a fresh process that
transcribes 30 s and 120 s of audio, the word error rate per language on audio generated with espeak-ng, and
how many filler words ("uh", "ehm") Whisper keeps with and without the disfluency prompt. Needs espeak-ng and
sox; the model is fetched once into the cache (COACH_CACHE_DIR) if it is not there.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# References are written as Whisper writes (digits for numbers); espeak-ng reads the digits out.
SENTENCES: dict[str, list[str]] = {
    "en": [
        "Um, last year I closed 12 deals, and uh, I exceeded my target by 20%.",
        "So, uh, the main problem was, um, that our release process took two weeks.",
        "I think, uhm, the key was better prospecting, and uh, listening to the customer.",
        "Well, um, I led a team of five developers, and, uh, we migrated the billing system.",
        "Uh, the customer was unhappy, so um, I called him the same day.",
        "My manager asked me to, um, take over the project, and I, uh, said yes.",
        "Last year our team missed its sales target. Um, my task was to, uh, rebuild the pipeline. "
        "I called 40 old customers and set up 12 demos. As a result we closed 8 deals and, um, grew revenue "
        "by 15%. I learned that follow-up matters.",
        "In my last job I was, uh, the backend developer for the payments team. Our releases took two weeks, "
        "so, um, I proposed continuous delivery. I wrote the pipeline, added tests and, uh, trained my "
        "colleagues. Now we release every day and incidents dropped by half.",
        "A customer was angry because, um, his order was late. I listened first and, uh, apologised. Then I "
        "found the cause in our warehouse system. We fixed it the same week and he, um, ordered again the "
        "next month.",
    ],
    "nl": [
        "Ehm, vorig jaar heb ik 12 klanten binnengehaald, en eh, mijn target met 20% overschreden.",
        "Nou, het probleem was, ehm, dat onze releases twee weken duurden.",
        "Ik denk dat, uhm, betere prospectie de sleutel was, en eh, goed luisteren naar de klant.",
        "Eh, ik leidde een team van vijf ontwikkelaars, en ehm, we hebben het factuursysteem gemigreerd.",
        "De klant was boos, dus eh, ik heb hem, ehm, dezelfde dag gebeld.",
        "Mijn manager vroeg me om, eh, het project over te nemen, en ik zei, ehm, ja.",
        "Vorig jaar haalde ons team het target niet. Ehm, mijn taak was om, eh, de pijplijn opnieuw op te "
        "bouwen. Ik belde 40 oude klanten en plande 12 demo's. Daardoor sloten we 8 deals en, ehm, groeide "
        "de omzet met 15%.",
        "In mijn vorige baan was ik, eh, backend ontwikkelaar in het betalingsteam. Onze releases duurden "
        "twee weken, dus, ehm, ik stelde continuous delivery voor. Nu releasen we elke dag.",
    ],
}
FILLERS = {"uh", "um", "uhm", "umm", "er", "erm", "eh", "ehm", "ehh", "hmm", "mm"}
LONG_TEXT = SENTENCES["en"][6] + " " + SENTENCES["en"][7] + " " + SENTENCES["en"][8]


def speak(text: str, path: Path, voice: str, speed: int = 150) -> Path:
    """`text` read by espeak-ng into a 16 kHz mono WAV file."""
    raw = path.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(path)], check=True)
    raw.unlink()
    return path


def audio_of(seconds: int, folder: Path) -> Path:
    """English speech of exactly `seconds`: the long answer repeated, then cut."""
    one = speak(LONG_TEXT, folder / "long.wav", "en")
    repeats = [str(one)] * (seconds // 40 + 2)
    target = folder / f"speech{seconds}.wav"
    subprocess.run(["sox", *repeats, str(target), "trim", "0", str(seconds)], check=True)
    return target


CHILD = """
import json, os, resource, sys, time
sys.path.insert(0, {src!r})
from coach.speech.transcribe import load_model, transcribe
start = time.perf_counter(); load_model(); loaded = time.perf_counter() - start
start = time.perf_counter(); t = transcribe({path!r}, "en"); took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"load_s": loaded, "took_s": took, "audio_s": t.duration_s, "peak_mb": peak}}))
"""


def speed_and_memory(path: Path) -> dict[str, float]:
    """Transcribe `path` in a fresh process: load time, transcription time and that process's peak memory."""
    code = CHILD.format(src=str(ROOT / "src"), path=str(path))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def tokens(text: str) -> list[str]:
    """Lower-case words for scoring; punctuation dropped, "20%" kept as one token."""
    return re.findall(r"[\w'%-]+", text.lower().replace("-", " "))


def word_error_rate(references: list[str], hypotheses: list[str]) -> tuple[float, int]:
    """Word error rate over all pairs (fillers left out of both sides), with rapidfuzz's edit distance."""
    from rapidfuzz.distance import Levenshtein

    errors = words = 0
    for ref, hyp in zip(references, hypotheses, strict=True):
        r = [t for t in tokens(ref) if t not in FILLERS]
        h = [t for t in tokens(hyp) if t not in FILLERS]
        errors += Levenshtein.distance(r, h)
        words += len(r)
    return errors / words, words


def fillers_kept(reference: str, hypothesis: str) -> tuple[int, int, int]:
    """(fillers written where one was said, fillers said, fillers written), after aligning the words."""
    from rapidfuzz.distance import Levenshtein

    r, h = tokens(reference), tokens(hypothesis)
    kept = 0
    for op in Levenshtein.opcodes(r, h):
        if op.tag in ("equal", "replace"):
            pairs = zip(r[op.src_start : op.src_end], h[op.dest_start : op.dest_end], strict=False)
            kept += sum(a in FILLERS and b in FILLERS for a, b in pairs)
    return kept, sum(t in FILLERS for t in r), sum(t in FILLERS for t in h)


def accuracy(folder: Path) -> list[tuple[str, str, float, int, int, int, float]]:
    """Per language and prompt setting: WER, fillers kept / said, fillers invented, seconds taken."""
    from coach.speech.transcribe import transcribe

    rows = []
    for lang, sentences in SENTENCES.items():
        clips = [speak(s, folder / f"{lang}{i}.wav", lang) for i, s in enumerate(sentences)]
        for prompt in (True, False):
            start = time.perf_counter()
            texts = [transcribe(clip, lang, disfluency_prompt=prompt).text for clip in clips]
            took = time.perf_counter() - start
            wer, _ = word_error_rate(sentences, texts)
            counts = [fillers_kept(s, t) for s, t in zip(sentences, texts, strict=True)]
            kept, said, written = (sum(c[i] for c in counts) for i in range(3))
            rows.append((lang, "with" if prompt else "without", wer, kept, said, written - kept, took))
    return rows


def main() -> None:
    from coach.speech.models import ensure_model

    ensure_model()
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("\n| audio | load model | transcribe | real-time factor | peak memory (process) |")
        print("| --- | --- | --- | --- | --- |")
        for seconds in (30, 120):
            m = speed_and_memory(audio_of(seconds, folder))
            rtf = m["took_s"] / m["audio_s"]
            times = f"{m['load_s']:.2f} s | {m['took_s']:.1f} s | {rtf:.2f}"
            print(f"| {seconds} s | {times} | {m['peak_mb']:.0f} MB |")
        print(
            "\n| language | disfluency prompt | WER (fillers left out) | fillers kept | fillers invented "
            "| time |"
        )
        print("| --- | --- | --- | --- | --- | --- |")
        for lang, prompt, wer, kept, said, invented, took in accuracy(folder):
            print(f"| {lang} | {prompt} | {wer:.2f} | {kept}/{said} | {invented} | {took:.0f} s |")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
