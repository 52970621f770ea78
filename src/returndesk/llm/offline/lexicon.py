"""The words understanding depends on, and the everyday words that must never be "corrected".

A typo is repaired only towards `KEYWORDS` (or the names and options on screen),
and only when the typed word is not itself a word we know; `COMMON_WORDS` keeps
ordinary English out of the repair shop ("safe" must not become "sale").
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as running text, so it reads and diffs like prose."""
    return frozenset(text.split())


KEYWORDS = words(
    """
    return returns returning returned refund refunded refunds exchange exchanged swap
    replace replacement trade cancel cancelled canceled cancelling cancellation order orders
    ordered status track tracking shipped shipping package parcel delivered delivery arrive
    arrived arrives label labels printer print printed prepaid pickup pick collect
    collection courier store stores shop shops drop dropoff credit gift card cards giftcard
    paypal visa mastercard amex discover human agent person representative manager
    supervisor operator someone somebody start over again restart scratch reset back
    previous undo confirm confirmed correct submit yes yeah yep yup sure okay nope thanks
    thank please hello morning evening afternoon small large tight loose snug baggy size
    sizes bigger smaller larger medium colour color style suit defective broken broke
    damaged damage cracked crushed dented scratched shattered smashed ripped leaks leaking
    leaky wrong listing description described advertised pictured photo photos picture
    pictures changed mind cheaper need needed mistake accidentally accident opened unopened
    sealed seal used unused packaging wrapped discount offer keep policy window days fee
    fees charge free final sale hygiene money cash bonus voucher everything except both
    first second third fourth fifth last cheapest expensive other another instead actually
    email zip code name faulty working stopped charging battery turn doesn't won't fit fits
    received anymore longer purple black white green yellow orange silver grey gray brown
    beige navy pink blue red gold polyester cotton leather synthetic wool linen nylon
    plastic metal glass wooden waterproof shirt tshirt chair kettle bottle clock mouse
    umbrella reader ereader earbuds boots sneakers shoes backpack laptop phone tablet watch
    jacket camera headphones speaker helmet toothbrush perfume makeup luggage suitcase
    sunglasses vacuum grill lamp keyboard charger puzzle skateboard bicycle bookshelf
    thermostat purifier espresso coffee maker hose dumbbell mattress pillow blanket qr scan
    flimsy quality cheaply disconnecting disconnects heating suction transit crack
    chargeback reimburse reimbursement tomorrow schedule scheduled
    """
)

# Ordinary words a shopper writes that sit one letter away from a keyword.
COMMON_WORDS = words(
    """
    crackle crackles crackled crackling crank cranks tees armrest armrests vibe vibes
    a about above across actual after afternoon again against ago all almost alone along
    already also although always am among an and another any anyone anything anyway anywhere
    are area aren't around as ask asked at away awful bad bag bar bare be bear beat because
    become bed been before behind being below best better between big bit black bless blue
    board body book born both bought box boy bring brought bug build built but buy by call
    came can can't care carry case cat cause cell chance change check child children choose
    chose city class clear close cold come comes coming cool cost could couldn't couple
    course cover crack cut dad date day dead deal dear did didn't die different do does
    doesn't dog doing done don't door down dress during each early easy eat else end enough
    even ever every exact eye face fact fair fall family far fast father feel feet felt few
    fill find fine fire fish five floor fly food foot for form four friend from front full
    fun game gave get gets getting girl give given glad go goes going gone good got great
    ground group grow had half hand happen happy hard has hasn't hate have haven't having he
    head hear heard heavy held help her here high him his hit hold hole home hope hot hour
    house how i i'd i'll i'm i've if in inside into is isn't it it's its itself job just
    keep kept kid kind knew know known lady land late later least leave left less let let's
    life light like line list little live lol long look looked looking looks lost lot loud
    love low made main make man many may maybe me mean meant men might mine miss mom moment
    more most mother move much must my myself near nearly neck never new next nice night
    nine no none nor not note nothing now number of off often oh old on once one only onto
    open or other our out outside over own page paid pair part party pass past pay people
    per perhaps piece place plan play point poor pretty pull push put quite rain rather read
    ready real really reason red rest ride right road room round run runs said same sat saw
    say says school sea seat see seem seen self sell send sent set seven shall she ship shoe
    shop short should show shown side sign since sister six skip sleep slow small so some
    something sometimes son soon sorry sound speak spent stand star stay step still stop
    story street such suck sucks sun take taken talk tall tear tell ten than that that's the
    their them then there these they thing things think third this those though thought
    three through till time tiny to today together told too took top toward town tried tries
    true try trying turn two under until up upon us use very wait walk wall want wanted war
    warm was wash wasn't watch water way we wear week well went were what what's when where
    which while white who whole why wide wife will wind wish with within without woman won't
    word words wore work worked works world worn would wouldn't write wrote year yes yet you
    you're young your yours safe save sake sail tale fail mail nail pale rail tail wale bake
    bike cake lake rake wake bold fold gold mold sold bore core fore gore pore sore tore
    lack pack rack sack tack hack jack deck peck beck kick lick nick pick sick tick wick
    dock lock mock rock sock card cart dart lard ward yard cord ford lord bond fond pond
    feed heed reed seed weed deed meed bind mind rind hind fund norm worm farm harm charm
    sharp store score shore snore spore chore stone stove stole stale stake shake shade
    share spare stare scare scale scope slope hey hi hmm meh nah yea ya ok okay yeah yup uh
    um thx pls tbh omg idk
    """
)
