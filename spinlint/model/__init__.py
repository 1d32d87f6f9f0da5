"""spinlint's trained sentence classifier.

Training (``features``, ``datasets``, ``train``, ``evaluate``, ``card``) uses
scikit-learn; the shipped model runs from ``runtime`` with numpy alone, from
plain arrays exported by the training step.
"""

LABELS = ("vague", "blame", "evidence_gap")
MODEL_NAME = "spinlint-model"
