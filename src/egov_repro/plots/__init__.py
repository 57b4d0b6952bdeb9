"""The figures: the catalogue of what is drawn and the house style."""
