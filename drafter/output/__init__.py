"""Output stage: files written atomically (:mod:`.files`), PDF through LibreOffice (:mod:`.pdf`), batches (:mod:`.batch`)."""
