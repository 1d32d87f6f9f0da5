"""What spinlint knows about English text: sentences, syllables, readability, word lists and ratings.

Nothing here knows about rules, findings or the model; those layers read text through it.
"""
