"""Tying claims to the right table, metric, entity and period, on the shipped tables.

Each case is a sentence a newsroom might publish, with the verdict the shipped data
gives; they pin behaviour that real articles exposed (see the commit history).
"""

import pytest

from ..helpers import check_text, engine_for, verdicts

ENGINE = engine_for()


@pytest.mark.parametrize("text, as_of, expected", [
    # A figure written before its entity belongs to that entity.
    ("As per the TOP500 list, Eagle ranked third, 442 petaflops Fugaku came in fourth, "
     "and 379.70 petaflops LUMI retained fifth place.", "2024-06-13",
     [("third", "supported"), ("442 petaflops", "supported"), ("fourth", "supported"),
      ("379.70 petaflops", "supported"), ("fifth place", "supported")]),
    # Units convert: exaflops against TOP500's PFlop/s.
    ("Frontier topped the TOP500 list with an HPL score of 1.206 exaflops.", "2024-06-13",
     [("topped", "supported"), ("1.206 exaflops", "supported")]),
    # Mixed-precision figures are another measure than HPL Rmax: checked against HPL-MxP (Fugaku's 2.0 EF, Nov 2020).
    ("On the TOP500's mixed precision HPC-AI benchmark, Fugaku reached 2.0 exaflops.", "2020-11-17",
     [("2.0 exaflops", "supported")]),
    # A country is not a supercomputer: no rank of Japan on the TOP500.
    ("Japan took the top spot in the June 2020 TOP500 list.", None, [("the top spot", "unverifiable")]),
    # Ratios and durations are never compared with a table's figures.
    ("In the six months since the last TOP500 list, Fugaku stayed 2.8 times ahead of Summit.", "2020-11-17",
     [("six", "unverifiable"), ("2.8", "unverifiable")]),
    # A time binds to its own clause; the 'from' figure of a change is the previous edition.
    ("In the IMD World Digital Competitiveness Ranking, Japan moved up to 26th place in technology, "
     "but fell to 38th for future readiness.", "2024-11-15",
     [("26th place", "supported"), ("38th", "supported")]),
    ("According to the IMD World Digital Competitiveness Ranking, Japan dropped to 31st place "
     "in knowledge from 28th.", "2024-11-15", [("31st place", "supported"), ("28th", "supported")]),
    ("According to the IMD World Digital Competitiveness Ranking, Japan went from 27th to 32nd "
     "between 2020 and 2023.", None, [("27th", "supported"), ("32nd", "supported")]),
    # A sub-indicator is not the overall rank, even with the source named nearby.
    ("IMD's World Digital Competitiveness Ranking covers 67 economies. Japan ranked 67th "
     "in terms of the agility of companies.", "2024-11-15", [("67", "supported"), ("67th", "unverifiable")]),
    # A share of something the metric is not about ("half of firms") is not the metric.
    ("Goldman Sachs economists said GDP could get a 7% boost once at least half of firms adopt AI.",
     "2023-05-01", [("7%", "supported"), ("at least half", "unverifiable")]),
    # Another metric's words right by a figure rule out the default metric.
    ("Goldman Sachs economists said labour productivity growth could rise 1.5% a year.", "2023-05-01",
     [("1.5%", "unverifiable")]),
    # A source two paragraphs back does not make any figure there a claim about it.
    ("Goldman Sachs sees generative AI lifting global GDP by 7%.\n\nMarkets have been calm.\n\n"
     "World GDP is already more than $100 trillion.", "2023-05-01",
     [("7%", "supported"), ("more than $100 trillion", "unverifiable")]),
    # "seven in 10" is a proportion, not two counts.
    ("Goldman Sachs says seven in 10 US workers could see their jobs affected.", "2023-05-01",
     [("seven", "unverifiable"), ("10", "unverifiable")]),
    # A pronoun takes the kind of what it stands for: 'It' is the supercomputer (Aurora was 42nd on the June 2024 Green500).
    ("Aurora ranked second on the TOP500 list in June 2024. It sits at number 42 on the Green500.",
     "2024-06-13", [("second", "supported"), ("number 42", "supported")]),
    # Words of the next figure belong to it ("…and Guangdong 22, with 14 provinces").
    ("The ISTIC report counts 38 models in Beijing and 22 in Guangdong, with 14 provinces active.",
     "2023-06-01", [("38", "supported"), ("22", "contradicted"), ("14", "supported")]),
])
def test_claims_tie_to_the_right_figure(text, as_of, expected):
    _, findings = check_text(ENGINE, text, as_of)
    assert verdicts(findings) == expected


def test_a_shared_publisher_means_the_table_named_last():
    text = ("Singapore came third in the IMD World Digital Competitiveness Ranking 2023.\n\n"
            "China climbed to 12th place, according to the same IMD ranking.")
    _, findings = check_text(ENGINE, text, "2023-12-15")
    assert [(f.claim.quantity.text, f.verdict.value, f.table) for f in findings] == [
        ("third", "supported", "imd_wdcr"), ("12th place", "contradicted", "imd_wdcr")]


@pytest.mark.parametrize("text, as_of, expected", [
    # A family range against a source that gives only its largest size: one end agrees,
    # the other is unsaid, so the range is not called wrong.
    ("Meta's Llama 2 ranges from 7 billion to 70 billion parameters.", "2024-01-10",
     [("from 7 billion to 70 billion", "unverifiable")]),
    # A catalogue's "current edition" is the entity's own (Llama 2's card, not a later model's).
    ("Llama 2 was trained on 2 trillion tokens.", "2025-06-01", [("2 trillion", "supported")]),
    # The figure of a relative clause on an unknown name is not the entity's before it,
    # and "Llama" is not a misspelt "Llama2".
    ("Llama 2 ships with a coding model called Code Llama, which saw 500 billion tokens.",
     "2024-01-10", [("500 billion", "unverifiable")]),
    # "2048 tokens" is a count, not a year.
    ("Its context window grew from 2048 tokens to 4096 tokens.", None,
     [("2048", "unverifiable"), ("4096", "unverifiable")]),
])
def test_catalogue_claims(text, as_of, expected):
    _, findings = check_text(ENGINE, text, as_of)
    assert verdicts(findings) == expected
