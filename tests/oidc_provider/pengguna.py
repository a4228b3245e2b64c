"""The provider's client registration for Kinerja and its users (username: (password, nip claim))."""
CLIENT_ID = "kinerja-uji"
CLIENT_SECRET = "rahasia-klien-kinerja-uji"
PENGGUNA_OP = {
    # NIPs are often written with spaces; Kinerja strips them before matching.
    "budi": ("sandi-budi-op", "19850517 201003 1 901"),
    "siti": ("sandi-siti-op", "199001012015032902"),
    "asing": ("sandi-asing-op", "197001011995031903"),  # no pegawai with this NIP in Kinerja
}
NIP_BUDI = "198505172010031901"
NIP_SITI = "199001012015032902"
