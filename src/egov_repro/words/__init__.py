"""The words of the book: the one list of languages, the message catalogues and the
formatting that renders a fact as a sentence in English or Indonesian."""
