"""Cross-lingual and synonym keyword help: the words a note might use for a word of the question.

The dense model is multilingual, but the keyword index only matches what is written. An English word
(after the tokenizer's light stemming) brings the Japanese terms a note would use for it; a Japanese term
brings the English words whose entry names it (「デフォルトで有効？」 over the English note's "Enabled by
default") and its note-style synonyms (書く -> 記述).
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from ingest.tokenize import terms, tokens

GLOSSARY: dict[str, str] = {
    "asynchronous": "非同期", "synchronous": "同期", "invocation": "呼出 呼び出し", "invoke": "呼出 呼び出し",
    "fail": "失敗", "failure": "失敗 障害", "retry": "リトライ 再試行", "retrie": "リトライ", "error": "エラー",
    "memory": "メモリ", "range": "範囲", "size": "サイズ 容量", "maximum": "最大", "max": "最大",
    "minimum": "最小", "default": "デフォルト", "limit": "制限 上限", "timeout": "タイムアウト",
    "visibility": "可視性", "message": "メッセージ", "queue": "キュー", "delivery": "配信", "deliver": "配信",
    "order": "順序", "ordering": "順序", "duplicate": "重複", "standard": "スタンダード", "storage": "ストレージ",
    "ephemeral": "揮発性 エフェメラル", "volatile": "揮発性", "temporary": "一時", "capacity": "容量",
    "snapshot": "スナップショット", "incremental": "差分 増分", "backup": "バックアップ", "restore": "復元",
    "encrypt": "暗号化", "encryption": "暗号化", "encrypted": "暗号化", "key": "キー 鍵", "decrypt": "復号",
    "instance": "インスタンス", "store": "ストア 保存", "stored": "保存", "persistent": "永続",
    "metric": "メトリクス", "monitor": "監視 モニタリング", "monitoring": "監視", "log": "ログ",
    "granularity": "粒度 単位", "daily": "日単位 1日", "bucket": "バケット", "object": "オブジェクト",
    "performance": "パフォーマンス 性能", "mode": "モード", "throughput": "スループット", "latency": "レイテンシー 遅延",
    "mount": "マウント", "target": "ターゲット", "file": "ファイル", "system": "システム",
    "deploy": "デプロイ", "deployment": "デプロイ デプロイメント", "rolling": "ローリング", "batch": "バッチ",
    "stage": "ステージ", "variable": "変数", "environment": "環境", "endpoint": "エンドポイント",
    "recovery": "復旧 リカバリ", "recover": "復旧", "reboot": "再起動", "restart": "再起動",
    "fleet": "フリート", "spot": "スポット", "on-demand": "オンデマンド", "reserved": "リザーブド",
    "rule": "ルール", "evaluate": "評価", "compliance": "コンプライアンス 準拠", "configuration": "設定 構成",
    "stack": "スタック", "template": "テンプレート", "resource": "リソース", "collection": "集合",
    "cache": "キャッシュ", "caching": "キャッシュ", "consistent": "一貫", "hashing": "ハッシュ",
    "scale": "スケール", "scaling": "スケーリング", "scale-out": "スケールアウト", "scale-in": "スケールイン", "termination": "ターミネーション 終了", "terminate": "終了 削除", "trace": "トレース",
    "tracing": "トレース", "bottleneck": "ボトルネック", "debug": "デバッグ", "hotspot": "ホットスポット",
    "hot": "ホット", "user": "ユーザ ユーザー", "manage": "管理", "management": "管理", "permission": "権限",
    "access": "アクセス", "control": "制御", "policy": "ポリシー", "role": "ロール", "chaos": "カオス",
    "experiment": "実験", "fault": "障害", "injection": "注入", "account": "アカウント", "event": "イベント",
    "bus": "バス", "cross-account": "クロスアカウント", "region": "リージョン", "replication": "レプリケーション",
    "container": "コンテナ", "task": "タスク", "cluster": "クラスター クラスタ", "service": "サービス",
    "function": "関数", "concurrency": "同時実行", "concurrent": "同時", "cold": "コールド", "warm": "ウォーム",
    "start": "スタート 開始", "layer": "レイヤー layers", "version": "バージョン", "alias": "エイリアス",
    "canary": "カナリア", "blue": "ブルー", "green": "グリーン", "traffic": "トラフィック", "routing": "ルーティング",
    "weighted": "加重", "latency-based": "レイテンシー", "failover": "フェイルオーバー", "health": "ヘルス",
    "check": "チェック", "load": "負荷 ロード", "balancer": "バランサー", "balancing": "負荷分散",
    "database": "データベース", "table": "テーブル", "index": "インデックス", "read": "読み込み 読み取り",
    "write": "書き込み 記述", "replica": "レプリカ", "price": "料金 価格", "pricing": "料金", "cost": "料金 コスト",
    "charge": "料金 課金", "free": "無料", "network": "ネットワーク", "enhanced": "拡張", "networking": "ネットワーキング",
    "placement": "プレイスメント", "group": "グループ", "type": "タイプ 種類", "kind": "種類", "volume": "ボリューム",
    "gateway": "ゲートウェイ", "tape": "テープ", "migration": "移行", "migrate": "移行", "transfer": "転送",
    "upload": "アップロード", "download": "ダウンロード", "delete": "削除", "deletion": "削除", "expire": "期限",
    "retention": "保持 保存期間", "period": "期間", "day": "日", "hour": "時間", "second": "秒", "minute": "分",
    "dead": "デッド", "letter": "レター", "polling": "ポーリング", "long-polling": "ロングポーリング",
    "keep": "保持 保存", "kept": "保持 保存", "retain": "保持",
    "delay": "遅延", "timer": "タイマー", "attribute": "属性", "consumer": "コンシューマ", "producer": "プロデューサ",
    "security": "セキュリティ", "audit": "監査", "record": "記録 レコード", "history": "履歴", "api": "api",
    "call": "呼び出し 呼出", "shard": "シャード", "stream": "ストリーム", "data": "データ", "analysis": "分析",
    "analyze": "分析", "query": "クエリ", "search": "検索", "notification": "通知", "email": "メール",
    "build": "ビルド", "pipeline": "パイプライン", "repository": "リポジトリ", "artifact": "アーティファクト",
    "review": "レビュー", "code": "コード", "test": "テスト", "schedule": "スケジュール", "scheduler": "スケジューラ",
    "workflow": "ワークフロー", "state": "ステート 状態", "machine": "マシン", "integration": "統合",
    "application": "アプリケーション", "model": "モデル", "training": "トレーニング 学習", "bias": "バイアス",
    "inference": "推論", "dns": "dns", "domain": "ドメイン", "certificate": "証明書", "distribution": "ディストリビューション 配信",
    "edge": "エッジ", "origin": "オリジン", "content": "コンテンツ", "consistency": "整合性", "durability": "耐久性",
    "availability": "可用性", "durable": "耐久", "available": "可用", "feature": "特徴 機能",
    "difference": "違い", "trail": "証跡", "all": "全 全て", "vs": "違い 比較", "versus": "違い 比較", "different": "違い", "compare": "違い 比較", "benefit": "利点 メリット",
    "advantage": "利点 メリット", "purpose": "目的 用途", "role-based": "ロール", "secret": "シークレット",
    "parameter": "パラメータ", "password": "パスワード", "rotation": "ローテーション", "token": "トークン",
    "authentication": "認証", "authorization": "認可", "federation": "フェデレーション", "identity": "アイデンティティ id",
    "graphql": "graphql", "realtime": "リアルタイム", "real-time": "リアルタイム", "offline": "オフライン",
    "sync": "同期", "synchronization": "同期", "interval": "間隔", "frequency": "頻度", "count": "数",
    "number": "数", "many": "数", "once": "1回", "least": "少なくとも", "exactly": "1回のみ",
    "manual": "手動", "automatic": "自動", "automatically": "自動", "disk": "ディスク", "warming": "ウォーミング",
    "pre-warming": "事前ウォーミング", "initialize": "初期化", "initialization": "初期化", "run": "実行",
    "execute": "実行", "execution": "実行", "job": "ジョブ", "definition": "定義", "compute": "コンピュート",
    "enable": "有効", "enabled": "有効", "disable": "無効", "disabled": "無効", "large": "サイズ 容量",
    "big": "サイズ 容量", "describe": "記述 説明", "step": "手順 ステップ",
    "procedure": "手順", "method": "方法", "way": "方法", "same": "同じ 同一", "session": "セッション",
    "sticky": "スティッキー", "request": "リクエスト", "activity": "アクティビティ 操作",
    "unusual": "異常", "detect": "検出 検知",
}

# Japanese words of questions -> the words notes tend to write instead (both sides as Sudachi normalises them).
SYNONYMS: dict[str, str] = {
    "書く": "記述 記載", "記述": "書く", "手順": "方法", "やり方": "方法", "仕方": "方法", "送る": "送信 転送",
    "値段": "料金", "費用": "料金 コスト", "お金": "料金", "大きさ": "サイズ 容量", "上限": "最大", "最大": "上限",
    "使い道": "用途", "向く": "用途", "違う": "違い", "差": "違い", "保存": "保持",
    "調べる": "確認", "速い": "高速", "遅い": "遅延", "壊れる": "障害", "落ちる": "障害",
    "消す": "削除 終了 ターミネーション", "消える": "削除 終了", "最長": "最大 上限", "置く": "保存 保持",
    "長さ": "期間 時間", "いつまで": "期間", "何日": "日間 日", "止める": "停止", "止まる": "停止",
    "増やす": "追加 拡張", "減らす": "削減", "戻す": "復元", "繋ぐ": "接続", "つなぐ": "接続",
}


@cache
def _reverse() -> dict[str, tuple[str, ...]]:
    """Japanese index term -> the English glossary words that name it."""
    out: dict[str, list[str]] = defaultdict(list)
    for english, japanese in GLOSSARY.items():
        for term in dict.fromkeys(tokens(japanese)):
            if not term.isascii():
                out[term].append(english)
    return {t: tuple(words) for t, words in out.items()}


def _keyed(table: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """``table`` keyed by index term, as questions are tokenised ("aliases" and "alias" are "alia";
    やり方 is 遣り方 to Sudachi); words of keys that meet are merged."""
    out: dict[str, list[str]] = defaultdict(list)
    for word, others in table.items():
        for term, _ in terms(word)[:1]:  # a stop word ("use") has no term: questions never ask for it
            out[term].extend(w for w in others.split() if w not in out[term])
    return {t: tuple(words) for t, words in out.items()}


@cache
def _forward() -> dict[str, tuple[str, ...]]:
    return _keyed(GLOSSARY)


@cache
def _synonyms() -> dict[str, tuple[str, ...]]:
    return _keyed(SYNONYMS)


def translations(term: str) -> list[str]:
    """The other language's words for ``term`` (an index term from ``ingest.tokenize``)."""
    return list((_forward() if term.isascii() else _reverse()).get(term, ()))


def synonyms(term: str) -> list[str]:
    return list(_synonyms().get(term, ()))
