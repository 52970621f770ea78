"""Seed files are refused with the file and the field named, before any database work."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from returndesk.errors import DataError
from returndesk.store.seed_checks import check_seed_data
from returndesk.store.seed_format import demo_data_dir, dollars_to_cents, field_path, read_seed_data
from tests.support.seed_samples import Files, copy_demo, sample_files, write_files

Change = Callable[[Files], object]


def _load(directory: Path) -> None:
    check_seed_data(read_seed_data(directory))


def test_the_demo_data_is_valid() -> None:
    data = read_seed_data(demo_data_dir())
    check_seed_data(data)

    assert (len(data.users), len(data.orders), len(data.products)) == (500, 1000, 50)


def test_the_sample_data_is_valid(tmp_path: Path) -> None:
    files = sample_files()
    data = read_seed_data(write_files(tmp_path, files))
    check_seed_data(data)

    assert len(data.users) == len(files["users.json"])
    assert len(data.orders) == len(files["orders.json"])
    assert len(data.products) == len(files["products.json"])


def test_a_price_written_as_text_names_the_order_item_and_field(tmp_path: Path) -> None:
    source = copy_demo(tmp_path)
    orders = json.loads((source / "orders.json").read_text(encoding="utf-8"))
    orders["#W2611340"]["items"][0]["price"] = "abc"
    (source / "orders.json").write_text(json.dumps(orders), encoding="utf-8")

    with pytest.raises(DataError) as caught:
        read_seed_data(source)

    assert str(caught.value) == (
        "orders.json: #W2611340.items[0].price: Input should be a valid number"
    )
    assert (caught.value.file, caught.value.field) == ("orders.json", "#W2611340.items[0].price")


def _users(files: Files) -> Files:
    users: Files = files["users.json"]
    return users


def _orders(files: Files) -> Files:
    orders: Files = files["orders.json"]
    return orders


def _overlay(files: Files) -> Files:
    overlay: Files = files["overlay.json"]
    return overlay


FILE_PROBLEMS: list[tuple[str, Change, str, str, str]] = [
    (
        "missing email",
        lambda f: _users(f)["alice_1"].pop("email"),
        "users.json",
        "alice_1.email",
        "Field required",
    ),
    (
        "fraction of a cent",
        lambda f: _orders(f)["#W1"]["items"][1].update(price=19.005),
        "orders.json",
        "#W1.items[1].price",
        "has fractions of a cent",
    ),
    (
        "negative price",
        lambda f: f["products.json"]["100"]["variants"]["1001"].update(price=-1),
        "products.json",
        "100.variants.1001.price",
        "greater than or equal to 0",
    ),
    (
        "zip as a number",
        lambda f: _users(f)["bob_2"]["address"].update(zip=80279),
        "users.json",
        "bob_2.address.zip",
        "Input should be a valid string",
    ),
    (
        "unknown status",
        lambda f: _orders(f)["#W2"].update(status="lost"),
        "orders.json",
        "#W2.status",
        "Input should be 'pending', 'pending (items modified)', 'processed', 'delivered' "
        "or 'cancelled'",
    ),
    (
        "gift card without balance",
        lambda f: _users(f)["alice_1"]["payment_methods"]["gift_card_1"].pop("balance"),
        "users.json",
        "alice_1.payment_methods.gift_card_1",
        "balance belongs to gift cards",
    ),
    (
        "misspelt overlay key",
        lambda f: _overlay(f)["orders"]["#W2"].update(delivered_day_ago=1),
        "overlay.json",
        "orders.#W2.delivered_day_ago",
        "Extra inputs are not permitted",
    ),
    (
        "unknown tier",
        lambda f: _overlay(f)["customers"]["bob_2"].update(tier="gold"),
        "overlay.json",
        "customers.bob_2.tier",
        "Input should be 'standard', 'member' or 'vip'",
    ),
    (
        "delivered before placed",
        lambda f: _overlay(f)["orders"]["#W1"].update(delivered_days_ago=11),
        "overlay.json",
        "orders.#W1",
        "delivered_days_ago is more than placed_days_ago",
    ),
    (
        "a list instead of an object",
        lambda f: f.update({"products.json": []}),
        "products.json",
        "$",
        "Input should be a valid dictionary",
    ),
]

REFERENCE_PROBLEMS: list[tuple[str, Change, str, str, str]] = [
    (
        "unknown customer",
        lambda f: _orders(f)["#W3"].update(user_id="carol_3"),
        "orders.json",
        "#W3.user_id",
        "no customer carol_3",
    ),
    (
        "unknown product",
        lambda f: _orders(f)["#W1"]["items"][1].update(product_id="999"),
        "orders.json",
        "#W1.items[1].product_id",
        "no product 999",
    ),
    (
        "item of another product",
        lambda f: _orders(f)["#W1"]["items"][1].update(item_id="1002"),
        "orders.json",
        "#W1.items[1].item_id",
        "1002 is not a variant of 200",
    ),
    (
        "someone else's payment method",
        lambda f: _orders(f)["#W3"]["payment_history"][1].update(payment_method_id="gift_card_1"),
        "orders.json",
        "#W3.payment_history[1].payment_method_id",
        "bob_2 has no payment method gift_card_1",
    ),
    (
        "fulfilment of an item not ordered",
        lambda f: _orders(f)["#W3"]["fulfillments"][0]["item_ids"].append("1001"),
        "orders.json",
        "#W3.fulfillments[0].item_ids[1]",
        "not an item of this order",
    ),
    (
        "key and id differ",
        lambda f: _orders(f)["#W2"].update(order_id="#W9"),
        "orders.json",
        "#W2.order_id",
        "differs from key",
    ),
    (
        "shared email",
        lambda f: _users(f)["bob_2"].update(email="Alice@example.com"),
        "users.json",
        "bob_2.email",
        "also alice_1's email",
    ),
    (
        "customer without overlay",
        lambda f: _overlay(f)["customers"].pop("bob_2"),
        "overlay.json",
        "customers.bob_2",
        "missing; users.json has it",
    ),
    (
        "overlay for an unknown order",
        lambda f: _overlay(f)["orders"].update({"#W9": {"placed_days_ago": 1}}),
        "overlay.json",
        "orders.#W9",
        "not in orders.json",
    ),
    (
        "delivered order without a delivery date",
        lambda f: _overlay(f)["orders"]["#W1"].pop("delivered_days_ago"),
        "overlay.json",
        "orders.#W1.delivered_days_ago",
        "needed: the order is delivered",
    ),
    (
        "pending order with a delivery date",
        lambda f: _overlay(f)["orders"]["#W2"].update(delivered_days_ago=0),
        "overlay.json",
        "orders.#W2.delivered_days_ago",
        "not allowed: the order is pending",
    ),
    (
        "final sale item not ordered",
        lambda f: _overlay(f)["orders"]["#W1"].update(final_sale_item_ids=["1002"]),
        "overlay.json",
        "orders.#W1.final_sale_item_ids[0]",
        "1002 is not an item of this order",
    ),
    (
        "overlay name of another product",
        lambda f: _overlay(f)["products"]["200"].update(name="Perfume"),
        "overlay.json",
        "products.200.name",
        "'Perfume' but products.json says 'Lipstick'",
    ),
]


@pytest.mark.parametrize(
    ("change", "file", "field", "problem"),
    [pytest.param(*case[1:], id=case[0]) for case in FILE_PROBLEMS + REFERENCE_PROBLEMS],
)
def test_a_bad_record_names_its_file_and_field(
    tmp_path: Path, change: Change, file: str, field: str, problem: str
) -> None:
    files = sample_files()
    change(files)

    with pytest.raises(DataError) as caught:
        _load(write_files(tmp_path, files))

    assert (caught.value.file, caught.value.field) == (file, field)
    assert problem in caught.value.problem
    assert str(caught.value).startswith(f"{file}: {field}: ")


def test_further_problems_in_a_file_are_counted(tmp_path: Path) -> None:
    files = sample_files()
    _users(files)["alice_1"].pop("email")
    _users(files)["bob_2"].pop("email")

    with pytest.raises(DataError, match=r"Field required \(and 1 more problems in this file\)"):
        _load(write_files(tmp_path, files))


def test_invalid_json_names_the_line_and_column(tmp_path: Path) -> None:
    write_files(tmp_path, sample_files())
    (tmp_path / "products.json").write_text('{\n  "100": {,}\n}', encoding="utf-8")

    with pytest.raises(DataError) as caught:
        _load(tmp_path)

    assert (caught.value.file, caught.value.field) == ("products.json", "line 2 column 11")


def test_a_repeated_key_is_refused_not_overwritten(tmp_path: Path) -> None:
    write_files(tmp_path, sample_files())
    text = (tmp_path / "overlay.json").read_text(encoding="utf-8")
    (tmp_path / "overlay.json").write_text(
        text.replace('"about": "test data"', '"about": "a", "about": "b"'), encoding="utf-8"
    )

    with pytest.raises(DataError, match=r"^overlay\.json: \$: key 'about' appears twice"):
        _load(tmp_path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    write_files(tmp_path, sample_files())
    (tmp_path / "overlay.json").unlink()

    with pytest.raises(DataError, match=r"^overlay\.json: \$: no such file in "):
        _load(tmp_path)


@pytest.mark.parametrize(
    ("dollars", "cents"),
    [(4.35, 435), (0.57, 57), (1.15, 115), (47.84, 4784), (19, 1900), (0, 0), (1e6, 100000000)],
)
def test_dollars_become_exact_cents(dollars: float, cents: int) -> None:
    assert dollars_to_cents(dollars) == cents


def test_field_paths_read_like_the_json() -> None:
    assert field_path(("#W1", "items", 0, "price")) == "#W1.items[0].price"
    assert field_path(()) == "$"
