"""Deterministic synthetic notes in the shape of the real ones, for scale benchmarks.

Each note is Japanese Markdown: `#`/`##`/`###` headings named after AWS services and topics, bullets and
nested bullets built from the bundled notes' own lines (so token statistics look real), with the service
name and numbers varied. Same seed, same corpus. Run: ``python -m bench.synth OUT_DIR --notes 1000``.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SERVICES = [
    "Amazon S3", "Amazon EC2", "AWS Lambda", "Amazon SQS", "Amazon SNS", "Amazon DynamoDB", "Amazon RDS",
    "Amazon Aurora", "Amazon ECS", "Amazon EKS", "AWS Fargate", "Amazon Kinesis", "Amazon CloudFront",
    "Amazon Route 53", "AWS CloudFormation", "AWS CodeBuild", "AWS CodeDeploy", "AWS CodePipeline",
    "Amazon API Gateway", "AWS Step Functions", "Amazon EventBridge", "Amazon CloudWatch", "AWS CloudTrail",
    "AWS Config", "AWS KMS", "AWS IAM", "Amazon Cognito", "Amazon ElastiCache", "Amazon EFS", "Amazon EBS",
    "AWS Glue", "Amazon Athena", "Amazon Redshift", "Amazon EMR", "AWS X-Ray", "Amazon SageMaker",
    "AWS Batch", "AWS Elastic Beanstalk", "Amazon VPC", "AWS Direct Connect", "AWS Storage Gateway",
]
TOPICS = ["特徴", "ユースケース", "料金", "制限", "セキュリティ", "パフォーマンス", "設定", "注意事項",
          "ベストプラクティス", "可用性", "監視", "暗号化", "スケーリング", "移行", "トラブルシューティング", "用語"]


def _phrases() -> list[str]:
    """Bullet texts from the bundled notes: realistic Japanese technical sentences."""
    out = []
    for path in sorted((REPO / "notes").glob("*")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line).strip()
            if len(text) >= 8 and not text.startswith(("#", "[", "http", "|", "```")):
                out.append(text)
    return out


def note(rng: random.Random, phrases: list[str], sections: int) -> str:
    service = rng.choice(SERVICES)
    lines = [f"# {service} {rng.randint(1, 999)}", f"{service}の学習ノート。", ""]
    for topic in rng.sample(TOPICS, k=min(sections, len(TOPICS))):
        lines.append(f"## {topic}")
        for _ in range(rng.randint(3, 7)):
            text = rng.choice(phrases).replace("SQS", rng.choice(SERVICES).split()[-1])
            text = re.sub(r"\d+", lambda m: str(rng.randint(1, 9999)), text)
            lines.append(f"- {text}")
            if rng.random() < 0.3:
                lines.append(f"    - {rng.choice(phrases)}")
        lines.append("")
    return "\n".join(lines) + "\n"


def generate(out: Path, notes: int, seed: int = 7, sections: int = 9) -> list[Path]:
    """Write ``notes`` files under ``out`` (in subfolders of 500); about ``sections`` chunks each."""
    rng = random.Random(seed)
    phrases = _phrases()
    paths = []
    for i in range(notes):
        path = out / f"part{i // 500:03d}" / f"note_{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(note(rng, phrases, sections), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out", type=Path)
    p.add_argument("--notes", type=int, default=100)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args()
    generate(args.out, args.notes, args.seed)


if __name__ == "__main__":
    main()
