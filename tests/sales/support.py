"""A consistent results profile (Dutch figures) for the sales toolkit's tests."""

from __future__ import annotations

import copy
from typing import Any

PROFILE: dict[str, Any] = {
    "name": "Sanne de Vries",
    "role": "Account Executive",
    "sales_cycle": "3 maanden",
    "periods": [
        {
            "period": "2023",
            "target": "€350.000",
            "result": "€371.000",
            "percent": "106%",
            "rank": 3,
            "team_size": 12,
            "new_business": "€250.000",
            "upsell": "€121.000",
            "new_accounts": 12,
            "average_deal": "€21.000",
        },
        {
            "period": "2024",
            "target": "€400.000",
            "result": "€460.000",
            "percent": "115%",
            "rank": 2,
            "team_size": 12,
            "new_business": "70%",
            "upsell": "30%",
            "new_accounts": 15,
            "average_deal": "€21.500",
        },
    ],
    "key_wins": ["Gemeente Zwolle: contract van €120.000 voor drie jaar"],
    "tools": ["Salesforce", "LinkedIn Sales Navigator"],
    "references": [
        {
            "name": "Jan Bakker",
            "company": "Bakker Logistiek",
            "role": "COO",
            "speaks_to": "de implementatie",
            "permission": "2025-01-10",
        },
        {
            "name": "Eva Smit",
            "company": "Gemeente Zwolle",
            "role": "Inkoopadviseur",
            "speaks_to": "de aanbesteding",
        },
    ],
}


def profile(**changes: Any) -> dict[str, Any]:
    """A copy of PROFILE; `periods_1_percent="150%"` changes periods[1]["percent"]."""
    data = copy.deepcopy(PROFILE)
    for key, value in changes.items():
        if key.startswith("periods_") or key.startswith("references_"):
            group, index, field = key.split("_", 2)
            data[group][int(index)][field] = value
        else:
            data[key] = value
    return data
