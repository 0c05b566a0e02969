"""`coach models`: the speech models for spoken answers: list them, download one, remove one, choose one
per language."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from coach.errors import CoachError
from coach.i18n import user_language

app = typer.Typer(
    add_completion=False,
    help="Speech models for spoken answers: list, download, remove, or choose per language.",
)

LangOption = Annotated[
    str | None, typer.Option("--lang", "-l", help="nl or en: the language of the messages.")
]


def _size(size: int) -> str:
    return f"{size / 1_000_000:.0f} MB" if size else "-"


@app.callback(invoke_without_command=True)
def models(ctx: typer.Context, lang: LangOption = None) -> None:
    """List the speech models (the same as `coach models list`).

    Example: coach models download base
    """
    if ctx.invoked_subcommand is None:
        list_models(lang=lang, as_json=False)


@app.command("list")
def list_models(
    lang: LangOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List the speech models: installed or not, size on disk and folder.

    Example: coach models list
    """
    from coach.speech.delivery import label
    from coach.speech.models import DEFAULT_MODELS, default_model, model_for
    from coach.speech.models import list_models as all_models

    ui = user_language(lang)
    infos = all_models()
    default = default_model()
    used_for = {m.name: [code for code in DEFAULT_MODELS if model_for(code) == m.name] for m in infos}
    if as_json:
        rows = [
            {
                "name": m.name,
                "installed": m.installed,
                "size_bytes": m.size_bytes,
                "path": str(m.path),
                "source": m.source,
                "default": m.name == default,
                "used_for": used_for[m.name],
            }
            for m in infos
        ]
        print(json.dumps(rows, ensure_ascii=False))
        return
    table = Table(show_header=True, header_style="bold")
    for key in ("model_name", "model_installed", "model_size", "model_path"):
        table.add_column(label(key, ui))
    for m in infos:
        languages = ", ".join(code.upper() for code in used_for[m.name])
        name = m.name + (f" ({label('model_used_for', ui, languages=languages)})" if languages else "")
        installed = label("answer_yes" if m.installed else "answer_no", ui)
        table.add_row(name, installed, _size(m.size_bytes), str(m.path) if m.installed else "")
    Console(highlight=False).print(table)


@app.command("download")
def download(
    name: Annotated[
        str, typer.Argument(help="base (the default), or tiny, small, medium, large-v3, ...")
    ] = "base",
    lang: LangOption = None,
) -> None:
    """Download a speech model once into your cache; after that it works offline.

    Example: coach models download base
    """
    from coach.cli.check import SpeechProgress
    from coach.speech.delivery import label
    from coach.speech.models import ensure_model

    ui = user_language(lang)
    console = Console(stderr=True)
    with SpeechProgress(console, ui, model=name) as bars:
        try:
            path = ensure_model(name, progress=bars.on_download, lang=ui)
        except CoachError as exc:
            bars.stop()
            console.print(f"[bold red]✘[/] {escape(exc.error.message)}", highlight=False)
            raise typer.Exit(2) from exc
    Console(highlight=False).print(label("model_ready", ui, model=name, path=path))


@app.command("use")
def use(
    name: Annotated[
        str, typer.Argument(help="The model for answers in that language, e.g. base or tiny.en.")
    ],
    for_lang: Annotated[str, typer.Option("--for", help="nl or en: the language of the answers.")],
    lang: LangOption = None,
) -> None:
    """Choose the speech model for answers in one language (tiny.en is English only); `default` goes back
    to the default from the benchmark (docs/benchmarks.md).

    Example: coach models use tiny.en --for en
    """
    from coach.speech.delivery import label
    from coach.speech.models import DEFAULT_MODELS, choose_model, model_for

    ui = user_language(lang)
    try:
        choose_model(for_lang, None if name == "default" else name, ui)
    except CoachError as exc:
        Console(stderr=True).print(f"[bold red]✘[/] {escape(exc.error.message)}", highlight=False)
        raise typer.Exit(2) from exc
    chosen = model_for(for_lang)
    default = " (" + label("model_default", ui) + ")" if chosen == DEFAULT_MODELS[for_lang] else ""
    Console(highlight=False).print(
        label("model_chosen", ui, model=chosen + default, language=label(f"language_{for_lang}", ui))
    )


@app.command("remove")
def remove(
    name: Annotated[str, typer.Argument(help="The model to delete from your cache.")],
    lang: LangOption = None,
) -> None:
    """Remove a downloaded speech model from your cache.

    Example: coach models remove base
    """
    from coach.speech.delivery import label
    from coach.speech.models import remove_model

    ui = user_language(lang)
    try:
        freed = remove_model(name, lang=ui)
    except CoachError as exc:
        Console(stderr=True).print(f"[bold red]✘[/] {escape(exc.error.message)}", highlight=False)
        raise typer.Exit(2) from exc
    if freed:
        Console(highlight=False).print(label("model_removed", ui, model=name, size=_size(freed)))
    else:
        Console(highlight=False).print(label("model_absent", ui, model=name))
