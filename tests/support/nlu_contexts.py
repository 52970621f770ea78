"""Contexts built from the demo store, shared by the offline understanding tests."""

from __future__ import annotations

from decimal import Decimal

from returndesk.llm.offline import Context, ItemOption, PaymentOption, Reading, VariantOption
from returndesk.usecases.seam import UseCases, load_use_cases

SOFIA_ORDER = "#W9609649"
E_READER = ItemOption(
    "#W9609649:1",
    SOFIA_ORDER,
    "E-Reader",
    {"screen size": "6-inch", "connectivity": "Wi-Fi", "storage": "8GB"},
    Decimal("267.07"),
)
BLUE_TEE = ItemOption(
    "#W9609649:2",
    SOFIA_ORDER,
    "T-Shirt",
    {"color": "blue", "size": "M", "material": "cotton", "style": "crew neck"},
    Decimal("50.88"),
)
BLACK_TEE = ItemOption(
    "#W9609649:3",
    SOFIA_ORDER,
    "T-Shirt",
    {"color": "black", "size": "S", "material": "polyester", "style": "crew neck"},
    Decimal("52.88"),
)
COFFEE_MAKER = ItemOption(
    "#W9609649:4",
    SOFIA_ORDER,
    "Coffee Maker",
    {"color": "black", "capacity": "2 cups", "type": "espresso", "features": "timer"},
    Decimal("258.32"),
)
UMBRELLA = ItemOption(
    "#W9609649:5",
    SOFIA_ORDER,
    "Patio Umbrella",
    {"size": "6 ft", "color": "red", "material": "olefin", "tilt mechanism": "manual tilt"},
    Decimal("316.29"),
)
SHIRTS = (E_READER, BLUE_TEE, BLACK_TEE, COFFEE_MAKER, UMBRELLA)

OMAR_ORDER = "#W6067464"
CLOCK = ItemOption(
    "#W6067464:1",
    OMAR_ORDER,
    "Wall Clock",
    {"diameter": "10 inches", "color": "white", "type": "digital"},
    Decimal("195.59"),
)
CHAIR = ItemOption(
    "#W6067464:2",
    OMAR_ORDER,
    "Office Chair",
    {"material": "fabric", "color": "black", "armrest": "fixed", "backrest height": "standard"},
    Decimal("488.81"),
)
MOUSE = ItemOption(
    "#W6067464:3",
    OMAR_ORDER,
    "Gaming Mouse",
    {"color": "RGB", "sensor type": "laser", "connectivity": "wired"},
    Decimal("138.73"),
)
KETTLE = ItemOption(
    "#W6067464:4",
    OMAR_ORDER,
    "Electric Kettle",
    {"capacity": "1.5L", "material": "plastic", "color": "silver"},
    Decimal("158.90"),
)
CHAIR_AND_KETTLE = (CLOCK, CHAIR, MOUSE, KETTLE)

VISA = PaymentOption("credit_card_7326294", "credit_card", "visa", "9858")
PAYPAL = PaymentOption("paypal_5297429", "paypal")
GIFT_CARD = PaymentOption("gift_card_9178183", "gift_card", balance=Decimal("66"))
MASTERCARD = PaymentOption("credit_card_1034663", "credit_card", "mastercard", "2378")
WALLET = (VISA, PAYPAL, GIFT_CARD, MASTERCARD)


def tee(
    item_id: str, color: str, size: str, price: str, *, available: bool = True
) -> VariantOption:
    """Another T-shirt the black small one may be exchanged for."""
    options = {"color": color, "size": size, "material": "cotton", "style": "crew neck"}
    return VariantOption(item_id, BLACK_TEE.ref, options, Decimal(price), available)


TEE_VARIANTS = (
    tee("9612497925", "blue", "M", "50.88"),
    tee("8124970213", "purple", "XL", "49.67"),
    tee("2060066974", "black", "XL", "51.05"),
    tee("3234800602", "red", "L", "46.66"),
    tee("3542102174", "red", "S", "47.25", available=False),
)


def sofia(
    step: str | None,
    *,
    chosen: tuple[str, ...] = (),
    variants: tuple[VariantOption, ...] = (),
    offer: str | None = None,
) -> Context:
    """Sofia Hernandez's order with a blue and a black T-shirt, at `step`."""
    return Context(
        step=step,
        items=SHIRTS,
        chosen_items=chosen,
        variants=variants,
        payment_methods=(PaymentOption("credit_card_7901829", "credit_card", "visa", "7312"),),
        orders=("#W3561391", "#W6876713", SOFIA_ORDER, "#W3947049"),
        returns=("R-7K3QX9M2", "R-2B8DNW4Q"),
        offer=offer,
    )


def omar(step: str | None, *, chosen: tuple[str, ...] = (), offer: str | None = None) -> Context:
    """Omar Anderson's order with a chair and a kettle, with a wallet of four methods."""
    return Context(
        step=step,
        items=CHAIR_AND_KETTLE,
        chosen_items=chosen,
        payment_methods=WALLET,
        orders=(OMAR_ORDER,),
        offer=offer,
    )


BUILT_IN = UseCases(load_use_cases())


def understand(text: str, context: Context | None = None) -> Reading:
    """The offline model's reading with the built-in use cases' cues, as the app has it,
    with what the brief would say of the context's step."""
    return BUILT_IN.reader().understand(text, BUILT_IN.at_step(context or Context()))
