"""The shopper's live event stream refuses, cleanly, anything but their own thread."""

from __future__ import annotations

from tests.support.shopper import Shopper, ShopperFactory


async def test_odd_thread_ids_and_resume_ids_are_refused_without_an_error(
    shopper: Shopper, new_shopper: ShopperFactory
) -> None:
    http = shopper.client.http
    for odd in ("%00", "thr_%00x", "\ud7ff", "x" * 65, "", "%F0%9F%92%A9", shopper.thread_id + " "):
        response = await http.get(f"/chatkit/live?thread_id={odd}")
        assert response.status_code == 404, (odd, response.text)
    for resume in ("١٢", "1e3", "-5", "%00"):
        response = await http.get(f"/chatkit/live?thread_id={shopper.thread_id}&after={resume}")
        assert response.status_code == 400, resume
    stranger = (await new_shopper()).client.http
    response = await stranger.get(f"/chatkit/live?thread_id={shopper.thread_id}")
    assert response.status_code == 404
