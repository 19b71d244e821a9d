"""PDF documents: loan agreement, chain-of-custody form, manifest and labels (reportlab only).

See service.py for writing one, verify.py for recognising a written file later.
"""
