"""Encryption at rest or in transit is answered only by a statement of that kind about the subject."""

import pytest

from ingest.tokenize import tokens
from rag.encryption import unencrypted
from rag.statements import Statement

EFS = Statement("TSLで暗号化できたりするオプションがある「-o tsl」", ("マウントヘルパー",), 0)
EBS = Statement("EBSボリュームの作成時に暗号化を指定すると、AES-256による暗号化処理が行われる", (), 0)


@pytest.mark.parametrize(
    ("question", "said", "section", "unanswered"),
    [
        # EFS's only encryption is of the traffic
        ("EFSに保存したデータそのものを保管時に暗号化するには？", EFS, "EFS マウントヘルパー", True),
        ("How do I enable encryption at rest for an Amazon EFS file system?", EFS, "EFS マウントヘルパー", True),
        ("EFSをマウントするときに通信をTLSで暗号化するには？", EFS, "EFS マウントヘルパー", False),
        # EBS's is of what it stores
        ("EBSの保管時の暗号化ってどうやる？", EBS, "EBS 暗号化", False),
        ("Can EBS encrypt data in transit between the instance and the volume?", EBS, "EBS 暗号化", True),
        ("EFSって暗号化できる？", EFS, "EFS マウントヘルパー", False),  # no kind asked
        # traffic's bandwidth, not traffic encrypted
        ("インターネットVPNだと暗号化のせいで通信帯域が制限される？",
         Statement("帯域:暗号化のオーバーヘッドにより制限あり", (), 0), "VPN", False),
    ],
)
def test_the_kind_of_encryption_asked_is_said(question, said, section, unanswered):
    assert unencrypted(question, [said], [frozenset(tokens(section))]) is unanswered
