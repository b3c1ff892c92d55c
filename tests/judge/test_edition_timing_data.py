"""A small yearly ranking released each March (the 2022 edition on 15 March 2022)."""

META = {
    "publisher": "Gadget Institute",
    "names": ["Gadget Readiness Index"],
    "publisher_names": ["Gadget Institute"],
    "publisher_hosts": ["example.test"],
    "entity_kind": "economy",
    "period_kind": "edition",
    "ranks_unique": True,
    "cadence": {"months": [3]},
    "editions": [
        {"id": "2020", "title": "Gadget Readiness Index 2020", "published": "2020-03-12"},
        {"id": "2021", "title": "Gadget Readiness Index 2021", "published": "2021-03-10"},
        {"id": "2022", "title": "Gadget Readiness Index 2022", "published": "2022-03-15"},
    ],
    "metrics": [
        {"id": "overall", "label": "overall rank", "kind": "rank", "unit": "rank", "out_of": "size",
         "default": True, "aliases": ["overall"]},
        {"id": "size", "label": "number of economies ranked", "kind": "count", "unit": "economies",
         "aliases": ["economies ranked"]},
    ],
    "examples": [
        {"text": "Japan ranked 4th in the Gadget Readiness Index 2021.", "verdict": "supported"},
        {"text": "Japan ranked 9th in the Gadget Readiness Index 2021.", "verdict": "contradicted"},
    ],
}
ROWS = [
    {"entity": "World", "metric": "size", "period": y, "edition": y, "value": n, "unit": "economies"}
    for y, n in (("2020", 40), ("2021", 42), ("2022", 44))
] + [
    {"entity": e, "metric": "overall", "period": y, "edition": y, "value": v, "unit": "rank"}
    for e, y, v in (
        ("Japan", "2020", 6), ("Japan", "2021", 4), ("Japan", "2022", 2),
        ("Germany", "2020", 5), ("Germany", "2021", 7), ("Germany", "2022", 3),
    )
]
