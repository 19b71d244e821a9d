"""PDF documents: loan agreement, chain-of-custody form, manifest and labels, drawn by
reportlab and signed (PAdES) by pyHanko.

See service.py for writing one, signing.py for its signature, verify.py for recognising a
written file later.
"""
