"""`coach practice` in a real pseudo-terminal: the editor, the countdown, and Ctrl-C keeping answers."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect


def spawn(args: list[str], data_dir: Path) -> pexpect.spawn:
    exe = str(Path(sys.executable).with_name("coach"))
    env = {**os.environ, "COACH_DATA_DIR": str(data_dir), "COLUMNS": "120", "LINES": "40", "TERM": "xterm",
           "PROMPT_TOOLKIT_NO_CPR": "1"}  # pexpect does not answer cursor-position requests
    return pexpect.spawn(exe, args, env=env, encoding="utf-8", timeout=60, dimensions=(40, 120))


def test_answer_in_the_terminal_with_countdown_then_ctrl_c(tmp_path: Path) -> None:
    child = spawn(["practice", "--sector", "it", "--role", "backend", "--lang", "en", "--questions", "3",
                   "--seed", "4", "--time-limit", "90"], tmp_path)
    child.expect("Question 1/3")
    child.expect(r"\[1:[0-2]\d\] >")  # the countdown in the prompt
    child.expect(r"\x1b\[5D\x1b\[0m\d")  # ... and it ticks: the seconds digit is redrawn
    child.send("Last year I built an API for 20,000 users at a bank in Utrecht.")
    child.send("\r")
    child.send("\r")  # Enter on an empty line submits
    child.expect("Score:")
    child.expect(["Question 2/3", "Follow-up:"])
    child.expect(r"\[\d:\d\d\] >")  # the next prompt is up (under load, Ctrl-C could come before it)
    child.sendintr()
    child.expect("Interview stopped")
    child.expect(pexpect.EOF)
    history = spawn(["history", "--json"], tmp_path)
    history.expect(pexpect.EOF)
    data = json.loads(history.before[history.before.index("["):])
    assert data[0]["status"] == "abandoned"
    assert len(data[0]["scores"]) == 1
