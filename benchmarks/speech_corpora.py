"""Public CC0 recordings of human speech with their transcripts, read in place (never copied into the repo).

Two sources, each a git snapshot or a plain checkout, found through an environment variable or an argument:
- COACH_BENCH_CV: a Common Voice 6.1 random sample (omnilingo/rsample-100-cv-corpus-6.1-2020-12-11):
  <lang>/clips/*.mp3 with <lang>/validated.tsv; 100 clips per language, many speakers.
- COACH_BENCH_NATHALIE: rhasspy/dataset-voice-nathalie, one native Dutch speaker: verified/*.flac with
  verified/metadata.csv (id|sentence).
When a source is absent the benchmarks say so and skip it.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

SAMPLE_RATE = 16_000
JOIN_PAUSE_S = 0.6  # silence put between clips joined into one answer


@dataclass(frozen=True)
class Clip:
    """One recording: where it came from, who spoke, what was said and its 16 kHz samples."""

    source: str
    speaker: str
    text: str
    samples: np.ndarray

    @property
    def seconds(self) -> float:
        """Length of the recording."""
        return len(self.samples) / SAMPLE_RATE


class Snapshot:
    """Read files from a folder, or from a bare/normal git repository's HEAD when the folder has no files."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def read(self, path: str) -> bytes:
        """The bytes of `path` in the snapshot."""
        plain = self.root / path
        if plain.is_file():
            return plain.read_bytes()
        result = subprocess.run(
            ["git", "-C", str(self.root), "show", f"HEAD:{path}"], capture_output=True, check=True
        )
        return result.stdout

    def exists(self) -> bool:
        """Whether the snapshot is there at all."""
        return self.root.is_dir()


def decode(data: bytes, suffix: str) -> np.ndarray:
    """16 kHz mono float samples of an audio file's bytes, decoded as Coach decodes uploads."""
    from faster_whisper.audio import decode_audio

    with tempfile.NamedTemporaryFile(suffix=suffix) as f:
        f.write(data)
        f.flush()
        return decode_audio(f.name, sampling_rate=SAMPLE_RATE)


def source_path(variable: str, given: str | None) -> Snapshot | None:
    """The snapshot from an argument or environment variable, or None (with a line saying so) if absent."""
    where = given or os.environ.get(variable)
    if not where or not Path(where).is_dir():
        print(f"NOTE: {variable} is not set or not a folder ({where!r}): that source is skipped.")
        return None
    return Snapshot(where)


def common_voice(snapshot: Snapshot, lang: str, limit: int) -> list[Clip]:
    """The first `limit` validated clips of language `lang` in the Common Voice sample."""
    table = snapshot.read(f"{lang}/validated.tsv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(table), delimiter="\t", quoting=csv.QUOTE_NONE))[:limit]
    return [
        Clip(
            f"cv-{lang}",
            row["client_id"][:8],
            row["sentence"],
            decode(snapshot.read(f"{lang}/clips/{row['path']}"), ".mp3"),
        )
        for row in rows
    ]


def nathalie(snapshot: Snapshot, limit: int, skip: int = 0) -> list[Clip]:
    """`limit` sentences of the one Dutch speaker, every tenth of the list from `skip` on (spread over it)."""
    lines = snapshot.read("verified/metadata.csv").decode("utf-8").splitlines()
    rows = [line.split("|", 1) for line in sorted(lines) if "|" in line][skip::10][:limit]
    return [
        Clip("nathalie", "nathalie", text, decode(snapshot.read(f"verified/{name}.flac"), ".flac"))
        for name, text in rows
    ]


def joined(clips: list[Clip], seconds: float) -> Clip:
    """Clips put one after another, with a short pause between them, until the answer is `seconds` long."""
    import numpy as np

    pause = np.zeros(int(JOIN_PAUSE_S * SAMPLE_RATE), dtype=np.float32)
    parts: list[np.ndarray] = []
    texts: list[str] = []
    total = 0.0
    for clip in clips:
        if total >= seconds:
            break
        parts += [clip.samples, pause]
        texts.append(clip.text)
        total += clip.seconds + JOIN_PAUSE_S
    speakers = sorted({c.speaker for c in clips[: len(texts)]})
    speaker = speakers[0] if len(speakers) == 1 else f"{len(speakers)} speakers"
    return Clip(clips[0].source, speaker, " ".join(texts), np.concatenate(parts))
