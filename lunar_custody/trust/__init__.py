"""Keys, certificates, sealed private keys, signed statements and anchors.

The cryptography itself, with no database: ``cryptography`` makes and checks every key,
certificate and signature (ECDSA P-256, which pdfsig and Acrobat accept), argon2 and AES-GCM
seal a person's private key under their password, and RFC 8785 (JCS) makes what is signed
canonical so another program can check it. The domain keeps the records (domain/keys.py).
"""
