"""A tiny hand-made dataset in the seed format, small enough to reason about in a test.

Two customers, two products, three orders. Prices include amounts that float
arithmetic gets wrong (4.35 * 100 is 434.99999999999994).
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

from returndesk.store.seed_format import SEED_FILES, demo_data_dir

Files = dict[str, Any]


def _address(street: str) -> dict[str, str]:
    return {
        "address1": street,
        "address2": "Suite 1",
        "city": "Denver",
        "country": "USA",
        "state": "CO",
        "zip": "80279",
    }


def _item(product_id: str, item_id: str, name: str, price: float) -> dict[str, Any]:
    return {
        "name": name,
        "product_id": product_id,
        "item_id": item_id,
        "price": price,
        "options": {"color": "blue"},
    }


_SAMPLE: Files = {
    "users.json": {
        "alice_1": {
            "name": {"first_name": "Alice", "last_name": "Lee"},
            "address": _address("1 Main Street"),
            "email": "alice@example.com",
            "payment_methods": {
                "credit_card_1": {
                    "source": "credit_card",
                    "brand": "visa",
                    "last_four": "1234",
                    "id": "credit_card_1",
                },
                "gift_card_1": {"source": "gift_card", "balance": 60.57, "id": "gift_card_1"},
            },
            "orders": ["#W1", "#W2"],
        },
        "bob_2": {
            "name": {"first_name": "Bob", "last_name": "Ray"},
            "address": _address("2 Side Street"),
            "email": "bob@example.com",
            "payment_methods": {"paypal_1": {"source": "paypal", "id": "paypal_1"}},
            "orders": ["#W3"],
        },
    },
    "products.json": {
        "100": {
            "name": "T-Shirt",
            "product_id": "100",
            "variants": {
                "1001": {
                    "item_id": "1001",
                    "options": {"color": "blue"},
                    "available": True,
                    "price": 4.35,
                },
                "1002": {
                    "item_id": "1002",
                    "options": {"color": "red"},
                    "available": False,
                    "price": 0.57,
                },
            },
        },
        "200": {
            "name": "Lipstick",
            "product_id": "200",
            "variants": {
                "2001": {
                    "item_id": "2001",
                    "options": {"color": "blue"},
                    "available": True,
                    "price": 19,
                },
            },
        },
    },
    "orders.json": {
        "#W1": {
            "order_id": "#W1",
            "user_id": "alice_1",
            "address": _address("1 Main Street"),
            "items": [
                _item("100", "1001", "T-Shirt", 4.35),
                _item("200", "2001", "Lipstick", 19),
                _item("100", "1001", "T-Shirt", 4.35),
            ],
            "fulfillments": [{"tracking_id": ["555"], "item_ids": ["1001", "2001"]}],
            "status": "delivered",
            "payment_history": [
                {"transaction_type": "payment", "amount": 27.7, "payment_method_id": "gift_card_1"},
                {
                    "transaction_type": "refund",
                    "amount": 4.35,
                    "payment_method_id": "credit_card_1",
                },
            ],
        },
        "#W2": {
            "order_id": "#W2",
            "user_id": "alice_1",
            "address": _address("1 Main Street"),
            "items": [_item("100", "1002", "T-Shirt", 0.57)],
            "fulfillments": [],
            "status": "pending",
            "payment_history": [
                {"transaction_type": "payment", "amount": 0.57, "payment_method_id": "gift_card_1"}
            ],
        },
        "#W3": {
            "order_id": "#W3",
            "user_id": "bob_2",
            "address": _address("2 Side Street"),
            "items": [_item("200", "2001", "Lipstick", 19)],
            "fulfillments": [{"tracking_id": ["777"], "item_ids": ["2001"]}],
            "status": "cancelled",
            "payment_history": [
                {"transaction_type": "payment", "amount": 19, "payment_method_id": "paypal_1"},
                {"transaction_type": "refund", "amount": 19, "payment_method_id": "paypal_1"},
            ],
        },
    },
    "overlay.json": {
        "about": "test data",
        "customers": {"alice_1": {"tier": "vip"}, "bob_2": {"tier": "standard"}},
        "products": {
            "100": {
                "name": "T-Shirt",
                "category": "apparel",
                "activatable": False,
                "hygiene_sealed": False,
            },
            "200": {
                "name": "Lipstick",
                "category": "beauty",
                "activatable": False,
                "hygiene_sealed": True,
            },
        },
        "orders": {
            "#W1": {
                "placed_days_ago": 10,
                "delivered_days_ago": 3,
                "final_sale_item_ids": ["1001"],
            },
            "#W2": {"placed_days_ago": 1},
            "#W3": {"placed_days_ago": 0},
        },
    },
}


def sample_files() -> Files:
    """A fresh deep copy, free to change in a test."""
    return copy.deepcopy(_SAMPLE)


def write_files(directory: Path, files: Files) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (directory / name).write_text(json.dumps(content, indent=1), encoding="utf-8")
    return directory


def copy_demo(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name in SEED_FILES:
        shutil.copyfile(demo_data_dir() / name, directory / name)
    return directory
