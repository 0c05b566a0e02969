"""The portfolio check: what an engineer sees in a candidate's git repository, with concrete fixes.

The repository is read with dulwich, a pure-Python git implementation: only git's objects are read (the
committed tree at HEAD and the history), never the working tree, and no git program, hook, filter or
configured command runs, so nothing from the checked repository is executed. Secrets are found with
detect-secrets' patterns on committed text files (copied to a temporary folder of our own). Python files
are parsed with `ast` to count docstrings (parsing is not running).
"""

from __future__ import annotations

import ast
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from coach.toolkit.catalogue import Bilingual, read_data

Status = Literal["ok", "warning", "problem"]
MAX_FILES = 5000  # files at HEAD looked at
MAX_COMMITS = 1000
MAX_SCAN_BYTES = 512 * 1024  # text files larger than this are not scanned for secrets or docstrings
LARGE_BYTES = 5 * 1024 * 1024
BINARY_BYTES = 1024 * 1024
MIN_COMMITS = 5
VAGUE_SHARE = 40  # percent of vague commit messages that makes a warning
DOCSTRING_SHARE = 50
SECRET_TYPES_SKIPPED = ("High Entropy",)  # entropy guesses flag every hash and test fixture
# Only lines with one of these hints go to detect-secrets (the others are blanked, so line numbers stay): its
# 25 plugins take about 0.2 ms a line, too slow for a whole repository. Every plugin we use needs one of them.
SECRET_HINT = re.compile(
    rb"(?i)(?:key|secret|passw|pwd|token|auth|credential|api)[\w.-]*[\"']?\s*(?::=|=>|[:=])\s*\S|"
    rb"BEGIN [A-Z ]*PRIVATE|"
    rb"AKIA|ASIA|ghp_|gho_|ghs_|github_pat|glpat-|xox[a-z]-|sk_live|rk_live|SG\.|AIza|eyJ|://[^/\s:]+:[^@\s]+@|"
    rb"npm_|pypi-|hooks\.slack"
)

README_NAMES = re.compile(r"^readme(?:\.(?:md|markdown|rst|txt|adoc))?$", re.IGNORECASE)
LICENCE_NAMES = re.compile(r"^(?:licen[cs]e|copying|unlicense)(?:\.\w+)?$", re.IGNORECASE)
TEST_PATH = re.compile(
    r"(?:^|/)(?:tests?|__tests__|spec)/|(?:^|/)test_[^/]+\.py$|_test\.(?:py|go)$|\.(?:test|spec)\.[jt]sx?$|"
    r"(?:^|/)src/test/|Tests?\.(?:java|kt|cs)$"
)
CI_PATHS = re.compile(
    r"^(?:\.github/workflows/[^/]+\.ya?ml|\.gitlab-ci\.yml|Jenkinsfile|\.circleci/config\.yml|"
    r"azure-pipelines\.yml|\.travis\.yml|bitbucket-pipelines\.yml|\.drone\.yml)$"
)
ENV_FILE = re.compile(r"(?:^|/)\.env(?:\.(?!example$|sample$|template$|dist$)[\w.-]+)?$")
KEY_FILE = re.compile(r"(?:^|/)(?:id_(?:rsa|dsa|ecdsa|ed25519)|[^/]+\.(?:pem|key|p12|pfx|jks|keystore))$")
BUILD_OUTPUT = re.compile(
    r"(?:^|/)(?:node_modules|__pycache__|\.venv|venv|\.tox|\.pytest_cache|\.idea|target|bin/Debug|obj)/|"
    r"\.(?:pyc|class|o)$|(?:^|/)\.DS_Store$"
)
VAGUE_MESSAGE = re.compile(
    r"^(?:update\w*|fix\w*|wip|changes?|stuff|misc|test\w*|commit|asdf\w*|tmp|temp|more|minor|aanpassing\w*|"
    r"wijziging\w*|\.+|-+|[a-z])$",
    re.IGNORECASE,
)
SECTION_PATTERNS = {
    "readme_install": r"\b(?:install\w*|installatie|installeren|setup|set-up|getting started|aan de slag|"
    r"requirements|pip install|npm (?:install|ci)|poetry install|docker compose up|go get|mvn install)\b",
    "readme_run": r"\b(?:usage|run\w*|gebruik|starten|start|quick ?start|how to use|python -m|npm start|"
    r"docker run|make run|go run|uvicorn|flask run)\b",
    "readme_test": r"\b(?:tests?|testing|testen|pytest|npm test|go test|mvn test|tox|unittest)\b",
    "readme_screenshots": r"!\[[^\]]*\]\([^)]+\)|<img\b|\.(?:png|gif|jpe?g|webp|svg)\b|"
    r"screenshots?|schermafbeelding\w*|demo",
}


class CheckText(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    severity: Literal["high", "medium", "tip"]
    title: Bilingual
    ok: Bilingual
    problem: Bilingual
    fix: Bilingual


class PortfolioTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    checks: dict[str, CheckText]


@lru_cache(maxsize=1)
def load_texts() -> PortfolioTexts:
    """The checks' titles, messages and fixes (portfolio.yaml)."""
    return PortfolioTexts.model_validate(read_data("portfolio.yaml"))


class PortfolioError(ValueError):
    """A path that can't be checked; `code` picks the message (not_found, not_git)."""

    def __init__(self, code: str, path: str) -> None:
        super().__init__(f"{code}: {path}")
        self.code = code
        self.path = path


@dataclass(frozen=True)
class CheckResult:
    """One check's outcome with its message and fix in one language."""

    id: str
    status: Status
    severity: str
    title: str
    message: str
    fix: str


@dataclass(frozen=True)
class PortfolioReport:
    """The whole report."""

    path: str
    commits: int
    files: int
    checks: tuple[CheckResult, ...] = field(default=())

    @property
    def problems(self) -> list[CheckResult]:
        return [c for c in self.checks if c.status != "ok"]


@dataclass(frozen=True)
class _File:
    path: str
    sha: bytes
    size: int


@dataclass
class _Facts:
    """What was read from the repository, before judging."""

    files: list[_File] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    times: list[int] = field(default_factory=list)
    ever_added: set[str] = field(default_factory=set)


def _open(path: Path) -> Any:
    from dulwich.errors import NotGitRepository
    from dulwich.repo import Repo

    if not path.exists() or not path.is_dir():
        raise PortfolioError("not_found", str(path))
    try:
        return Repo(str(path))
    except NotGitRepository:
        raise PortfolioError("not_git", str(path)) from None


def _changes(entry: Any) -> Iterator[Any]:
    for change in entry.changes():
        if isinstance(change, list):  # a merge commit: changes per parent
            yield from change
        else:
            yield change


def _read(repo: Any) -> _Facts:
    from dulwich.object_store import iter_tree_contents

    facts = _Facts()
    try:
        head = repo.head()
    except KeyError:  # no commits yet
        return facts
    tree = repo[head].tree
    store = repo.object_store
    for entry in iter_tree_contents(store, tree):
        if len(facts.files) >= MAX_FILES:
            break
        if entry.mode is None or (entry.mode & 0o170000) == 0o160000:  # a submodule
            continue
        size = store[entry.sha].raw_length()
        facts.files.append(_File(entry.path.decode("utf-8", "replace"), entry.sha, size))
    for walked in repo.get_walker(max_entries=MAX_COMMITS):
        commit = walked.commit
        facts.messages.append(commit.message.decode("utf-8", "replace").strip())
        facts.times.append(commit.author_time)
        for change in _changes(walked):
            if change.new is not None and change.new.path is not None:
                facts.ever_added.add(change.new.path.decode("utf-8", "replace"))
    return facts


def _blob(repo: Any, file: _File) -> bytes:
    return bytes(repo.object_store[file.sha].as_raw_string())


def _is_binary(data: bytes) -> bool:
    return b"\0" in data[:8000]


def _find_secrets(repo: Any, files: list[_File]) -> list[str]:
    """detect-secrets' findings as "path:line (type)", never the secret itself."""
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
    from detect_secrets.core.scan import scan_file
    from detect_secrets.settings import transient_settings

    mapping: dict[str, Any] = dict(get_mapping_from_secret_type_to_class())
    plugins = [
        {"name": plugin.__name__}
        for secret_type, plugin in mapping.items()
        if not any(skip in secret_type for skip in SECRET_TYPES_SKIPPED)
    ]

    found: list[str] = []
    with (
        tempfile.TemporaryDirectory(prefix="coach-portfolio-") as folder,
        transient_settings({"plugins_used": plugins}),
    ):
        for index, file in enumerate(files):
            if file.size > MAX_SCAN_BYTES:
                continue
            data = _blob(repo, file)
            if _is_binary(data):
                continue
            copy = Path(folder) / str(index) / PurePosixPath(file.path).name
            copy.parent.mkdir()
            lines = data.split(b"\n")
            if not any(SECRET_HINT.search(line) for line in lines):
                continue
            copy.write_bytes(b"\n".join(line if SECRET_HINT.search(line) else b"" for line in lines))
            for secret in scan_file(str(copy)):
                if any(skip in secret.type for skip in SECRET_TYPES_SKIPPED):
                    continue
                found.append(f"{file.path}:{secret.line_number} ({secret.type})")
    return found


def _docstrings(repo: Any, files: list[_File]) -> tuple[int, int]:
    """(public functions and classes with a docstring, all of them) in the committed Python files."""
    with_doc = total = 0
    for file in files:
        if not file.path.endswith(".py") or file.size > MAX_SCAN_BYTES or TEST_PATH.search(file.path):
            continue
        try:
            tree = ast.parse(_blob(repo, file).decode("utf-8", "replace"))
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(
                node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
            ) and not node.name.startswith("_"):
                total += 1
                with_doc += ast.get_docstring(node) is not None
    return with_doc, total


def _readme_sections(text: str) -> dict[str, bool]:
    found = {key: bool(re.search(pattern, text, re.IGNORECASE)) for key, pattern in SECTION_PATTERNS.items()}
    prose = [
        line
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith(("#", "!", "[", "<", "```", "=", "-", "|", "*"))
    ]
    found["readme_what"] = len(" ".join(prose[:6]).split()) >= 15
    found["licence_section"] = bool(
        re.search(r"^#+\s*(?:licen[cs]e|licentie)\b", text, re.IGNORECASE | re.MULTILINE)
    )
    return found


def _listed(items: list[str], limit: int = 5) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" (+{len(items) - limit})" if len(items) > limit else "")


def check_repository(path: str | Path, lang: str = "en") -> PortfolioReport:
    """Check the git repository at `path`; raises PortfolioError when it is not one."""
    folder = Path(path).expanduser()
    repo = _open(folder)
    try:
        facts = _read(repo)
        texts = load_texts().checks
        results: list[CheckResult] = []

        def add(check_id: str, ok: bool, *, warn: bool = False, **values: Any) -> None:
            text = texts[check_id]
            status: Status = "ok" if ok else ("warning" if warn or text.severity != "high" else "problem")
            message = (text.ok if ok else text.problem).get(lang).format(**values)
            results.append(
                CheckResult(
                    check_id, status, text.severity, text.title.get(lang), message, text.fix.get(lang)
                )
            )

        paths = [f.path for f in facts.files]
        top = {p for p in paths if "/" not in p}
        readme = next((f for f in facts.files if "/" not in f.path and README_NAMES.match(f.path)), None)
        add("readme", readme is not None)
        sections: dict[str, bool] = {}
        if readme is not None:
            sections = _readme_sections(_blob(repo, readme)[:MAX_SCAN_BYTES].decode("utf-8", "replace"))
            for key in ("readme_what", "readme_install", "readme_run", "readme_test", "readme_screenshots"):
                add(key, sections[key])
        licence = any(LICENCE_NAMES.match(p) for p in top) or sections.get("licence_section", False)
        add("licence", licence)
        tests = [p for p in paths if TEST_PATH.search(p)]
        add("tests", bool(tests), count=len(tests))
        ci = [p for p in paths if CI_PATHS.match(p)]
        add("ci", bool(ci), found=_listed(ci, 3))
        count = len(facts.messages)
        days = (max(facts.times) - min(facts.times)) // 86400 + 1 if facts.times else 0
        add("history_size", count >= MIN_COMMITS and days > 1, count=count, days=days)
        vague = [m for m in facts.messages if VAGUE_MESSAGE.match(m.splitlines()[0].strip() if m else "")]
        share = round(100 * len(vague) / count) if count else 0
        examples = _listed([f"'{m.splitlines()[0][:40]}'" if m else "''" for m in dict.fromkeys(vague)], 3)
        add("commit_messages", share < VAGUE_SHARE, share=share, examples=examples)
        with_doc, total = _docstrings(repo, facts.files)
        if total:
            doc_share = round(100 * with_doc / total)
            add("docstrings", doc_share >= DOCSTRING_SHARE, share=doc_share, with_doc=with_doc, total=total)
        add("gitignore", ".gitignore" in top)
        env_files = [p for p in paths if ENV_FILE.search(p)]
        add("env_file", not env_files, files=_listed(env_files))
        secrets = _find_secrets(repo, facts.files)
        secrets += [
            f"{p} ({'private key file' if lang == 'en' else 'sleutelbestand'})"
            for p in paths
            if KEY_FILE.search(p)
        ]
        add("secrets", not secrets, found=_listed(sorted(set(secrets))))
        sensitive_gone = sorted(
            p for p in facts.ever_added - set(paths) if ENV_FILE.search(p) or KEY_FILE.search(p)
        )
        add("history_secrets", not sensitive_gone, files=_listed(sensitive_gone))
        large = []
        for file in facts.files:
            if file.size >= LARGE_BYTES or (
                file.size >= BINARY_BYTES and _is_binary(_blob(repo, file)[:8000])
            ):
                large.append(f"{file.path} ({file.size / 1_048_576:.1f} MB)")
        add("large_files", not large, files=_listed(large))
        build = sorted({m.group(0).strip("/") for p in paths if (m := BUILD_OUTPUT.search(p))})
        add("build_output", not build, files=_listed(build))
        return PortfolioReport(str(folder), count, len(facts.files), tuple(results))
    finally:
        repo.close()


def report_json(report: PortfolioReport) -> dict[str, Any]:
    """The report as JSON (`coach portfolio --json`, the web API)."""
    return {
        "path": report.path,
        "commits": report.commits,
        "files": report.files,
        "checked_at": datetime.now(UTC).isoformat(),
        "problems": len(report.problems),
        "checks": [
            {
                "id": c.id,
                "status": c.status,
                "severity": c.severity,
                "title": c.title,
                "message": c.message,
                "fix": c.fix if c.status != "ok" else None,
            }
            for c in report.checks
        ],
    }
