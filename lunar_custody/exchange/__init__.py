"""Exchange files between installations: write (export), read and check (format), import
(importer), trust partners (partners); the journey of a loan across three installations
(journey) builds the demo of it. DESIGN.md "Between installations"."""
