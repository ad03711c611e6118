"""Checks on generated text: every figure traced to the input (:mod:`.fidelity`), Vietnamese hygiene and spelling (:mod:`.quality`)."""
