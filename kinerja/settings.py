"""Kinerja settings: every deployment value comes from the environment (12-factor).

The defaults are a safe development setup: SQLite, console e-mail and Celery tasks run eagerly
when no ``REDIS_URL`` is given. Production sets ``DEBUG=0`` and real values.
"""
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ

from kinerja.db_opsi import atur as atur_db

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)
# Production must set its own key: with DEBUG off a missing SECRET_KEY stops start-up.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me-" + "x" * 20 if DEBUG else environ.Env.NOTSET)
# Old keys while rotating: sessions stay valid and sealed peer answers can still be opened.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "kinerja",
    "pegawai",
    "penilaian",
    "pelatihan",
    "notifikasi",
    "harian",
    "beranda",
    "laporan",
    "kontrak",
    "siasn",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kinerja.middleware.indonesian_by_default",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kinerja.urls"
WSGI_APPLICATION = "kinerja.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kinerja.context_processors.peran",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# An optional read replica (README "Skala"): kinerja.db_router sends the reads of report and export code
# there, inside ``baca_replika()``; writes never go to it. Tests treat it as a mirror of default.
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {**env.db("DATABASE_REPLICA_URL"), "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["kinerja.db_router.ReplikaRouter"]
PGBOUNCER = env.bool("PGBOUNCER", default=False)  # kinerja/db_opsi.py: what it and PG_JIT change
for _db in DATABASES.values():
    atur_db(_db, pgbouncer=PGBOUNCER, conn_max_age=env.int("CONN_MAX_AGE", default=300 if PGBOUNCER else 0),
            jit=env.bool("PG_JIT", default=False))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "pegawai.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded evidence and generated documents are private: kept outside static and served only
# through views that check permission, never by the web server directly.
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "private_media")))
MEDIA_URL = "/media-tidak-publik/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)

# E-mail: console by default; EMAIL_URL selects SMTP (smtp://user:pass@host:587) or a file backend.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "sent_emails"))
# Absolute base of links in e-mails (reminders, notifications).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Kinerja <noreply@kinerja.localhost>")

# Celery: a broker when REDIS_URL is set, otherwise tasks run in-process so the app works alone.
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or None)
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# A redelivered message (worker killed with acks_late) comes back after this many seconds; every task is
# idempotent, so a long task that outlives it is only repeated, never lost.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=1800)}
CELERY_RESULT_EXPIRES = 3600
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Without a broker a bulk print runs in a background thread of the web process, so the request answers at
# once (False: inside the request, for tests). PDFs, bulk jobs or ZIPs without progress for
# CETAK_MACET_DETIK seconds lost their worker or thread: the sweeper re-queues them, the page offers a retry.
CETAK_MASSAL_THREAD = env.bool("CETAK_MASSAL_THREAD", default=True)
CETAK_MACET_DETIK = env.int("CETAK_MACET_DETIK", default=300)
# The beat schedule lives here and only here (static; shown read-only in Django admin under
# "Notifikasi dan dokumen → Jadwal tugas berkala"). Run exactly one beat process.
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE = {
    "pengingat-harian": {
        "task": "notifikasi.tasks.pengingat_harian_task",
        "schedule": crontab(hour=6, minute=30),
        "options": {"expires": 6 * 3600},
    },
    "pengingat-macet": {
        "task": "notifikasi.tasks.kembalikan_pengingat_macet_task",
        "schedule": crontab(minute="*/10"),
        "options": {"expires": 600},
    },
    "rilis-masukan-rekan": {  # peer input of cohorts whose deadline has passed (domain.md §6)
        "task": "penilaian.tasks.rilis_masukan_rekan_jatuh_tempo_task",
        "schedule": crontab(minute="5-59/15"),
        "options": {"expires": 900},
    },
    "cetak-macet": {
        "task": "notifikasi.tasks.sapu_cetak_macet_task",
        "schedule": crontab(minute="*/2"),
        "options": {"expires": 120},
    },
    # Keberatan: reminders of explanations due and escalation of overdue decisions (PP 30/2019 Pasal 59).
    "keberatan-penjelasan": {
        "task": "penilaian.tasks.keberatan_harian_task",
        "schedule": crontab(hour=6, minute=45),
        "options": {"expires": 6 * 3600},
    },
    # Stored JP of PPPK whose contract year moved overnight (pelatihan.rekap).
    "rekap-jp": {
        "task": "pelatihan.tasks.rekap_jp_refresh_task",
        "schedule": crontab(hour=0, minute=30),
        "options": {"expires": 12 * 3600},
    },
    # Keberatan window closed without a keberatan: the result stands (PP 30/2019 Pasal 59).
    "penilaian-lewat-waktu": {
        "task": "penilaian.tasks.terima_lewat_waktu_task",
        "schedule": crontab(hour=0, minute=15),
        "options": {"expires": 12 * 3600},
    },
    # Summary rows of HR's counts: marked units recomputed ahead of the pages, a full rebuild as a safety net.
    "ringkasan-segarkan": {
        "task": "penilaian.tasks.segarkan_ringkasan_task",
        "schedule": crontab(minute="*/5"),
        "options": {"expires": 300},
    },
    "ringkasan-rebuild": {
        "task": "penilaian.tasks.rebuild_ringkasan_task",
        "schedule": crontab(hour=1, minute=30),
        "options": {"expires": 6 * 3600},
    },
    # Stored SIASN validation reports whose data changed (or older than a day) recomputed (siasn.laporan).
    "siasn-laporan-segarkan": {
        "task": "siasn.tasks.segarkan_laporan_siasn_task",
        "schedule": crontab(minute="20-59/30"),
        "options": {"expires": 1800},
    },
}

# Cache and sessions in Redis, so any web replica serves any request (README "Skala"). The cache uses its
# own database number (CACHE_REDIS_DB, or a separate Redis in CACHE_URL), never the broker's.
_redis_base = REDIS_URL.rsplit("/", 1)[0] if REDIS_URL.count("/") > 2 else REDIS_URL
CACHE_URL = env("CACHE_URL", default="") or (REDIS_URL and f"{_redis_base}/{env.int('CACHE_REDIS_DB', default=1)}")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# cached_db: reads from Redis, writes (at most once a minute per user, see session_timeout) also to the
# database, so a Redis restart logs nobody out. Without Redis plain db: a per-process cache would go stale.
SESSION_ENGINE = "django.contrib.sessions.backends." + env("SESSION_STORE", default="cached_db" if CACHE_URL else "db")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Production hardening: on by default whenever DEBUG is off (manage.py check --deploy is clean).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# --- Browser hardening and sessions (issue 12 §8) ---------------------------------------------------
# CSP: no inline script or style anywhere (htmx's own indicator style is switched off in base.html and
# lives in kinerja.css); json_script blocks are data, not script. Django admin works under it.
from csp.constants import NONE, SELF  # noqa: E402 (the block is self-contained)

INSTALLED_APPS += ["csp"]
MIDDLEWARE += [
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "kinerja.middleware.private_cache",
    "kinerja.middleware.session_timeout",
    "kinerja.middleware.reject_nul_bytes",
    "kinerja.middleware.remember_language",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in ("accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer",
                    "microphone", "midi", "payment", "usb", "browsing-topics")
}
# Idle timeout and absolute lifetime, both enforced by kinerja.middleware.session_timeout; the cookie
# itself never outlives the absolute limit.
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=30)
SESSION_MAX_HOURS = env.int("SESSION_MAX_HOURS", default=12)
SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 3600
# --- end of browser hardening block ---

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

KINERJA = {
    # Days an employee has to file a keberatan after an evaluation is finalised (domain.md §3.5).
    "HARI_KEBERATAN": env.int("HARI_KEBERATAN", default=14),
    # Days the atasan pejabat penilai has to decide a keberatan before it is escalated to HR (our reading
    # of PP 30/2019 Pasal 59, domain.md §11.1: the PP sets no decision deadline; 14 days as for filing).
    "HARI_PUTUSAN_KEBERATAN": env.int("HARI_PUTUSAN_KEBERATAN", default=14),
}

# --- Accounts: login throttling (django-axes), temporary passwords, sessions -------------------------
# Kept in one block (README "Security"). Axes counts failed logins per username and per client address
# and refuses further attempts for LOGIN_LOCKOUT_MINUTES once LOGIN_FAILURE_LIMIT is reached.
INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp"]
MIDDLEWARE += [
    "django_otp.middleware.OTPMiddleware",  # after AuthenticationMiddleware
    "kinerja.middleware.DuaFaktorMiddleware",  # optional TOTP for HR/staff/superuser (django-otp)
    "kinerja.middleware.SandiSementaraMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]
OTP_TOTP_ISSUER = "Kinerja"
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "pegawai.backends.AkunBackend"]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = env.list("LOGIN_LOCKOUT_BY", default=["username", "ip_address"])
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "pegawai.views_akun.login_terkunci"
# The client address is REMOTE_ADDR unless LOGIN_IP_HEADER names a header that the reverse proxy in
# front *overwrites* with the connecting address (nginx: proxy_set_header X-Real-IP $remote_addr;
# then LOGIN_IP_HEADER=HTTP_X_REAL_IP). A header the client can set itself would let it pick its address.
AXES_IPWARE_META_PRECEDENCE_ORDER = [h for h in [env("LOGIN_IP_HEADER", default=""), "REMOTE_ADDR"] if h]
# Messages live server-side (the default falls back to a signed, readable cookie).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
KINERJA["SANDI_SEMENTARA_JAM"] = env.int("TEMP_PASSWORD_HOURS", default=72)

# --- Single sign-on: OpenID Connect (mozilla-django-oidc; README "SSO") -----------------------------
# On when OIDC_CLIENT_ID and OIDC_ISSUER are set: the login page shows "Masuk dengan SSO" and
# pegawai.sso.SsoBackend is added (after axes). Endpoints come from the issuer's discovery document unless
# an OIDC_*_ENDPOINT variable names one. Users are matched by the NIP claim, never created.
OIDC_ISSUER = env("OIDC_ISSUER", default="").rstrip("/")
OIDC_RP_CLIENT_ID = env("OIDC_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env("OIDC_CLIENT_SECRET", default="")
OIDC_RP_SCOPES = env("OIDC_SCOPES", default="openid profile")
OIDC_RP_SIGN_ALGO = env("OIDC_SIGN_ALGO", default="RS256")
OIDC_NIP_CLAIM = env("OIDC_NIP_CLAIM", default="nip")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env("OIDC_USERINFO_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_JWKS_ENDPOINT", default="")
OIDC_OP_END_SESSION_ENDPOINT = env("OIDC_END_SESSION_ENDPOINT", default="")
OIDC_VERIFY_SSL = env.bool("OIDC_VERIFY_SSL", default=True)
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT", default=10)
OIDC_USE_PKCE = env.bool("OIDC_USE_PKCE", default=True)
OIDC_STORE_ID_TOKEN = True  # the id_token_hint of RP-initiated logout (pegawai.sso.url_keluar_provider)
# Logout ("Keluar", a form POST) redirects to the provider: a Content-Security-Policy must allow this origin
# in form-action, since browsers check form-action on the redirect too.
_oidc_url = urlsplit(OIDC_OP_END_SESSION_ENDPOINT or OIDC_ISSUER)
OIDC_PROVIDER_ORIGIN = f"{_oidc_url.scheme}://{_oidc_url.netloc}" if _oidc_url.netloc else ""
if OIDC_PROVIDER_ORIGIN and "CONTENT_SECURITY_POLICY" in globals():  # django-csp's block above
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(OIDC_PROVIDER_ORIGIN)  # noqa: F821
if OIDC_RP_CLIENT_ID and (OIDC_ISSUER or OIDC_OP_AUTHORIZATION_ENDPOINT):
    AUTHENTICATION_BACKENDS += ["pegawai.sso.SsoBackend"]
# --- REST API (issue 16): DRF + drf-spectacular; README "API" ------------------------------------------
INSTALLED_APPS += ["rest_framework", "drf_spectacular", "drf_spectacular_sidecar", "api"]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",  # the pages' own use; CSRF enforced
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.auth.TokenScope"],
    "DEFAULT_THROTTLE_CLASSES": [
        "api.auth.TokenRateThrottle", "api.auth.UserRateThrottle", "api.auth.AnonRateThrottle",
    ],
    # Counters live in the default cache (Redis when REDIS_URL is set, shared by all workers).
    "DEFAULT_THROTTLE_RATES": {
        "token": env("API_RATE_TOKEN", default="1200/hour"),
        "user": env("API_RATE_USER", default="1200/hour"),
        "anon": env("API_RATE_ANON", default="60/hour"),
    },
    # Anonymous calls are counted per REMOTE_ADDR; X-Forwarded-For is trusted only behind that many proxies.
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=0),
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kinerja API",
    "DESCRIPTION": "Data kinerja ASN untuk sistem lain: TPP, SIMPEG, dasbor, aplikasi ponsel.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.add_error_responses"],
    # Swagger UI from static files (drf-spectacular-sidecar): no CDN, CSP script-src 'self'.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {"RatingEnum": "penilaian.predikat.Rating", "PredikatEnum": "penilaian.predikat.Predikat",
                            "StatusPenilaianEnum": "penilaian.models.Penilaian.Status",
                            "StatusSkpEnum": "penilaian.models.Skp.Status",
                            "StatusPegawaiEnum": "pegawai.models.Pegawai.Status",
                            "StatusRiwayatEnum": "pelatihan.models.RiwayatPengembangan.Status"},
}
