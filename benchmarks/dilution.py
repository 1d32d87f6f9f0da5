"""How one spin sentence fares in a longer plain document: the document blame score as plain sentences are added.

    python benchmarks/dilution.py

Prints, for a blame sentence no rule flags and for one a rule flags (B001), the blame score alone and among 2, 5
and 11 plain sentences, with the B/E/V/M codes found. docs/scoring.md ("The maximum beside the mean") quotes it.
The texts are written for this script.
"""

from __future__ import annotations

import spinlint

PLAIN = ["The depot in Leeds opened on 4 March with 38 staff.",
         "Parcels are sorted on two lines that run from 6 am to 10 pm.", "Each van leaves with about 140 stops.",
         "Drivers load from bay 3 or bay 4.", "The site uses the same scanners as the York depot.",
         "Returns go back to York on the evening lorry.", "We pay drivers weekly, on Fridays.",
         "The canteen is open from 5 am.", "Parking for staff is behind the main building.",
         "Visitors sign in at the gate.", "The fire drill is on the first Monday of the month."]
BLAME = {
    "no rule flags it": "The late deliveries were the couriers' fault, because they ignored the new routing process.",
    "a rule flags it": "This is not a reflection of anyone's performance; it is a response to market headwinds and the "
                       "legacy systems that have held us back.",
}


def main() -> None:
    for label, sentence in BLAME.items():
        cells = []
        for plain in (0, 2, 5, 11):
            text = " ".join(PLAIN[:plain // 2] + [sentence] + PLAIN[plain // 2:plain])
            report = spinlint.analyze(text).files[0]
            codes = sorted({finding.code for finding in report.findings if finding.code[0] in "BEVM"})
            cells.append(f"{plain} plain: {report.scores['blame']:.0f} {codes}")
        print(f"{label:18} " + " | ".join(cells))


if __name__ == "__main__":
    main()
