"""Stack-gap: the equivalence table is valid (each mapping both ways where it applies), stacks are read from
lists and job ads, and the comparison says what carries over, with talking points, in both languages."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from coach.toolkit.catalogue import read_data
from coach.toolkit.stack import (
    CLOUDS,
    StackTable,
    compare,
    load_table,
    parse_stack,
    report_json,
    stack_from_ad,
)


def test_every_pair_holds_both_ways_unless_marked_one_way() -> None:
    table = load_table()
    directions = table.directions()
    for pair in table.pairs:
        a, b = pair.between
        assert (a, b) in directions
        assert ((b, a) in directions) != pair.one_way, f"{a}-{b}"
        for target, text in pair.learn.items():
            assert text.nl and text.en, f"{a}-{b}: learn for {target}"


def test_the_issue_s_examples_are_in_the_table() -> None:
    directions = load_table().directions()
    for have, want in [
        ("java", "python"),
        ("azure", "aws"),
        ("react", "angular"),
        ("mysql", "postgresql"),
        ("jenkins", "github_actions"),
    ]:
        assert (have, want) in directions and (want, have) in directions


def test_every_cloud_row_names_each_provider_and_maps_in_every_direction() -> None:
    report = compare(parse_stack("GCP"), parse_stack("Azure"), "en")
    services = report.items[0].services
    assert len(services) == len(load_table().cloud) >= 15
    assert ("object storage", "Cloud Storage", "Blob Storage") in services
    back = compare(parse_stack("Azure"), parse_stack("GCP"), "en").items[0].services
    assert ("object storage", "Blob Storage", "Cloud Storage") in back
    for row in load_table().cloud:
        assert all(getattr(row, c) for c in CLOUDS)


def test_a_one_sided_pair_is_rejected() -> None:
    data = read_data("stack.yaml")
    data["pairs"][0]["learn"].pop("java")
    with pytest.raises(ValidationError, match="both ways"):
        StackTable.model_validate(data)
    data = read_data("stack.yaml")
    data["pairs"].append({**data["pairs"][0], "between": ["python", "java"]})
    with pytest.raises(ValidationError, match="twice"):
        StackTable.model_validate(data)


def test_stacks_are_read_from_lists_in_any_case_and_spelling() -> None:
    parsed = parse_stack("java, Spring Boot / azure and Postgres; C#, .NET, GitLab CI/CD, COBOL")
    assert parsed.known == ("java", "spring", "azure", "postgresql", "csharp", "dotnet", "gitlab_ci")
    assert parsed.unknown == ("COBOL",)


def test_stack_is_read_from_a_job_ad() -> None:
    ad = (
        "Voor ons team in Utrecht zoeken we een medior developer. Je werkt met Python (Django en FastAPI), "
        "PostgreSQL en Docker, we draaien op Kubernetes in AWS. Ervaring met React is mooi meegenomen. "
        "Onze pipelines draaien in GitHub Actions. We reageren snel op je sollicitatie en we gaan voor kwaliteit."
    )
    assert stack_from_ad(ad).known == (
        "python",
        "django",
        "fastapi",
        "postgresql",
        "docker",
        "kubernetes",
        "aws",
        "react",
        "github_actions",
    )
    assert stack_from_ad("You react quickly and go the extra mile.").known == ()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "I've worked a lot with Java. Object-oriented design"),
        ("nl", "Ik heb veel gewerkt met Java. Objectgeoriënteerd ontwerpen"),
    ],
)
def test_comparison_gives_talking_points_and_a_plan_for_gaps(lang: str, expected: str) -> None:
    report = compare(
        parse_stack("Java, Spring, Azure, MySQL"),
        parse_stack("Python, Django, AWS, Oracle, Kafka, MySQL"),
        lang,
    )
    status = {i.want: i.status for i in report.items}
    assert status == {
        "python": "carries",
        "django": "carries",
        "aws": "carries",
        "oracle": "related",
        "kafka": "gap",
        "mysql": "have",
    }
    python = next(i for i in report.items if i.want == "python")
    assert python.talking_point.startswith(expected)
    kafka = next(i for i in report.items if i.want == "kafka")
    assert len(kafka.plan) >= 2 and "Kafka" in kafka.talking_point
    body = report_json(report)
    assert body["items"][0]["from"] == "Java"
