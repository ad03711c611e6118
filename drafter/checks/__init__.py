"""Checks on a finished draft: receives its text (and, for phrase-bank packs, the Draft and the
report it was written from); hands back what is wrong, in Vietnamese, never changing the draft.

- :mod:`.tokens`: the numeric tokens of a Vietnamese text; :mod:`.forms`: every form of every
  input value a draft may print; :mod:`.fidelity`: every figure traced to the input, none left out;
- :mod:`.sentences`: every sentence has a source, every item of the user's is said;
- :mod:`.hygiene`: Vietnamese text hygiene (NFC, spaces, quotes, residue, headings, capitals);
  :mod:`.spelling`: hunspell ``vi_VN`` with the input's words allowed;
- :mod:`.extract`: the text of a Draft or a .docx as a reader sees it.

:func:`drafter.api.check` renders a draft and runs them all (``drafter check`` on the command line);
:class:`.result.CheckResult` is what it hands back.
"""
