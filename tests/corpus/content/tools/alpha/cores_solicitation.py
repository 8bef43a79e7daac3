# Hand-written core texts, category solicitation (source alpha). Format: see cores_chain_letter.py
CORES = r"""
=== anyone want 2 Chiefs tickets Sat? $80
anyone want 2 Chiefs tickets Sat? $80 for both, section 300 level. cant go, wife's sister is in town. text me
=== [int] 2014 F-150 for sale
Selling my 2014 F-150 XLT 4x4, 148k miles, new tires in the spring, tow package. Runs great, little rust on the wheel wells. Asking $14,500 OBO. It's parked at the Sedalia shed till 3 if anybody wants to look at it on break.
=== [int] puppies!!
Our lab had her puppies, 7 of them, 4 yellow 3 black. AKC papers, parents on site. $300 each, ready the week before Christmas. Pics attached. Cash or Venmo. Call or text me at 573-555-0148.
=== Scentsy fall catalog is out!
Hi everyone! My Scentsy fall catalog just came out and there are some really cute warmers this year (the pumpkin one!!). I'm doing an online party through the 15th, if you order over $50 you get a free bar. Here's my link: scentsybykaren.example.com. Let me know if you want me to drop a catalog at your desk!
=== [int] cookie dough fundraiser
My daughter's 4th grade class is selling cookie dough for their field trip. $16 a tub, chocolate chip, sugar, snickerdoodle, peanut butter. Order form is on the break room fridge at District 2 office, or just email me what you want. Orders due Friday, delivery in 2 weeks. Thank you!!
=== [out] RE: hay for sale
Yes I still have about 200 small squares of mixed grass hay, $6 a bale in the barn, $7 delivered within 20 miles of Macon. I can bring a load Saturday morning. Let me know how many.
=== [int] FOR SALE: side by side
FOR SALE: 2019 Polaris Ranger 570, 300 hrs, roof and windshield, winch. $9800. Asking around here first before I put it on marketplace. Can bring it by the Hannibal lot.
=== [int] Girl Scout cookies are here!
They're here!! Thin Mints, Samoas, Tagalongs, Do-si-dos, Trefoils, Lemon-Ups, Adventurefuls. $6 a box. My girl is trying to hit 500 boxes this year. I have a box on my desk with extras, or email me your order and I'll bring it Monday. Cash or check made out to Troop 4417.
=== [int] lawn mowing - summer
My son (16) is mowing lawns this summer in the Jefferson City / Holts Summit area to save up for a truck. $35 for a normal sized yard, trimming included. He's reliable and has his own mower. Let me know if you need somebody, I can give you his number.
=== Mary Kay - holiday sets
Hi ladies, just a heads up the Mary Kay holiday gift sets are in and they go fast. Satin hands set is $38, lip sets are $20. Great for teachers and secret santa. I can deliver to the office, just reply with what you want. I take cash, card or Venmo @Brenda-MK.
=== [int] tax prep
Reminder I do tax returns on the side again this year. Basic 1040 with W-2 only is $75, with schedule C or farm income is $150. I can do them evenings at my house in Lebanon. Just reply and I'll send you my checklist. Refund in about 2 weeks with e-file.
=== [int] selling my deer rifle
Selling my Remington 700 in .270 with a Leupold 3-9 scope. Shot maybe 60 rounds through it. Comes with a hard case and 2 boxes of ammo. $650 firm. Has to be a Missouri resident, we'll do it legal. Let me know.
=== [int] Raffle tickets - benefit for my nephew
We're selling raffle tickets for a benefit for my nephew who got hurt in a farm accident. $10 a ticket or 3 for $25, prizes are a Yeti cooler, a half a beef, and a Traeger grill. Drawing is at the Knights of Columbus hall Oct 18. Please buy some, every bit helps the family. I have tickets at my desk.
=== [int] doTERRA oils
Hey friends! I've been using doTERRA essential oils for about a year and they have seriously changed my sleep and my kids' allergies. I'm now a wellness advocate and can get you 25% off wholesale if you sign up under me. Class at my house Thursday at 6, free samples! Let me know if you want a roller of On Guard before flu season.
=== [int] Tupperware party Thursday!!
Tupperware party at my house Thursday at 6:30, there will be food and drinks and games. New modular mates are 40% off this month and the hostess gets free stuff lol. Can't make it? I'll send you my online link. You don't have to buy anything (but you will)
=== [out] FW: house for rent in Kirksville
Forwarding this to my personal email too. My rental house on Jamison St is open Nov 1. 3 bed 1 bath, detached garage, fenced yard, $950/mo plus utilities, $950 deposit, no smoking, pets ok with deposit. Please pass it along to anybody looking.
=== kittens free to good home... or $20
We have 5 kittens, 8 weeks old, litter trained. Free to a good home but I'm asking $20 for the calico because everybody wants her. Mom is a great mouser if anybody needs a barn cat. Text me and I'll bring them to the office.
=== [int] Work Boots - never worn
Bought the wrong size Red Wing steel toes (11.5 W), never worn, still in box. Paid $260 asking $180. They're the ones that qualify for the boot allowance. Anybody want em?
=== MLM "opportunity" - be your own boss!!
Are you tired of working for someone else? Do you want to make an extra $2,000 to $5,000 a month from your phone? I'm looking for 3 motivated people to join my team with Zenith Wellness. No experience needed. I already replaced half my state salary. Message me for a quick 15 minute call, this is NOT a pyramid scheme, it's network marketing.
=== [int] Popcorn fundraiser - Cub Scouts
My boy is selling Trail's End popcorn for Cub Scouts, Pack 192. Caramel corn $20, chocolate pretzels $30, microwave butter $25. He's trying to get to summer camp. You can order online (link below) and it ships to your house, or I'll deliver to the Macon office. Thanks in advance!
=== [int] cakes for any occasion
Just a reminder I bake custom cakes and cupcakes out of my home kitchen. Birthday, wedding, baby shower, graduation. Cupcakes are $24/dozen, a quarter sheet is $45. Need 1 week notice. I did the retirement cake for the Chillicothe shed last spring if you saw that one!
=== [int] Cardinals tickets - 4 seats
Got 4 tickets to the Cardinals/Cubs game Saturday the 14th, field box, section 143. Can't go, my daughter has a tournament. Paid $110 each, will let them go for $85 each or $300 for all 4. Parking pass included.
=== [int] RE: anyone need firewood
Yep still have firewood, seasoned oak and hickory, $120 a rick delivered in Camden and Laclede county, $90 if you pick it up. Got about 15 ricks left. First come first serve.
=== [int] Selling a 2 horse trailer
Selling our 2 horse bumper pull trailer, 2008 Sundowner, new floor boards last year, good tires, tack room. $6,200 or trade for a zero turn mower. My daughter aged out of 4-H so it just sits there.
=== Longaberger / Thirty-One bags
Thirty-One is doing their monthly special - spend $35 and get the large utility tote for $10! I have a catalog with me, they're great for the plow truck to keep your stuff in lol. Ordering closes Sunday night. Reply or stop by my cube.
=== [int] wrapping paper fundraiser - due Friday!
Hi all, my son's middle school band is selling wrapping paper and candles. Catalog is at the front desk. Prices start at $12. Orders and money due Friday, make checks to Lebanon Middle School Band. Thank you for supporting our kids!!
=== [int] baby sitting available
My daughter is 17 and babysits for extra money this summer, she's CPR certified through the Red Cross. $10/hr for one kid, $12 for 2 or more. She's available weekdays while school is out. If your sitter fell through, let me know.
=== [int] I'm selling my couch
We're moving and need to get rid of our sectional (gray, 3 pieces, pet free, smoke free). $400 or best offer. Also have a queen bed frame $75 and a dresser $60. Pictures attached. Has to go by the end of the month!
=== photography - family & senior pics
Fall mini sessions are open! 20 minutes, 10 edited digital pics, $125. At the pumpkin patch in Fulton on Oct 5 and 6. Great for Christmas cards. Book on my website or just reply to this and I'll get you a time. Thanks for supporting my little business!
=== [int] beef for sale - half or quarter
We've got 2 steers going to the locker in Boonville next month. Half a beef is $4.25/lb hanging weight, quarter $4.50. Grass fed, grain finished. You pick the cuts. $300 deposit to hold. Let me know soon, they go fast.
=== [int] RE: RE: generator for sale?
Yes it's still for sale. Champion 7500 watt dual fuel, electric start, ran it maybe 20 hours during the ice storm. $550. Can meet you at the Casey's on Route 5 after work.
=== [int] Avon brochure - campaign 22
New Avon book is out, campaign 22. Skin So Soft is buy one get one 50%, which is the best bug spray for mowing anyway haha. I'll leave books in the break room. Orders due next Wednesday. Venmo or cash.
=== [int] Cheer team fundraiser - Krispy Kreme
My daughter's cheer team is doing a Krispy Kreme fundraiser, $14 a dozen original glazed, delivered to the office Friday morning. Everybody loves donuts right? Reply with how many by Wednesday noon. Thank you!!
=== [int] boat for sale
2006 Tracker Pro 170 bass boat, 50hp Mercury, trolling motor, fish finder, trailer. Just had the motor serviced. $8,900. Good for Truman or Lake of the Ozarks. Will take payments from the right person.
=== anybody want 2 season passes to Silver Dollar City
We have 2 season passes we're not going to use, the transferable kind. $150 each (they're $199 at the gate). Good through December so you get Christmas lights too.
=== [int] Pampered Chef - last chance
Last chance to order from my Pampered Chef online show, the deep covered baker is 20% off and it makes the best pot roast. Link is below. Free shipping over $60 and I'll deliver to the district office. Closes at midnight!!
=== [int] Selling my Harley
2012 Harley Davidson Street Glide, 38k miles, Vance & Hines pipes, new battery. Garage kept. $11,000. Wife says it goes or I go, so it goes lol.
=== [int] church bake sale... buy some pies
Our church youth group is selling homemade pies for Thanksgiving to raise money for their mission trip. Apple, pumpkin, pecan, cherry $15 each. Order by Nov 20, pick up at my desk Nov 25. Please share with your crews!
=== [out] re: your quilt order
Hi Marcy, yes I can do the twin size log cabin quilt in blues by Christmas. It will be $280 with the backing you picked. I'll need half down to buy the fabric, you can Venmo me @Jolene-Quilts. I'm working on it at lunch so it'll be done in time!
=== [int] deer processing
Got the cooler and the saws ready again this year. Deer processing out of my shop in Licking, $100 for standard cuts, $1.50/lb for summer sausage and jerky. I can take 20 deer per weekend. Let the guys on your crew know.
=== [int] Lularoe leggings clearance
Closing out my LuLaRoe inventory, all leggings $10, dresses $20. OS and TC. Bringing 2 bins to work Thursday, come shop during lunch in conference room B.
=== [int] need a ride to the airport? $40
For anybody flying out of KCI over the holidays, I'm driving back and forth anyway. $40 each way from Chillicothe, $60 round trip. Text me your flight times.
=== [int] Yeti cooler and tumblers for sale
Got a bunch of Yeti stuff I won at a raffle and don't need. Tundra 45 cooler $200 (retail $325), 4 tumblers $20 each. Brand new with tags.
=== [es] [int] Vendo tamales para Navidad
Hola a todos, este año otra vez estoy vendiendo tamales caseros para Navidad. De puerco con chile rojo y de pollo con salsa verde, $18 la docena. Hay que encargarlos antes del 15 de diciembre. Los entrego en la oficina del distrito. Pago en efectivo o Venmo.
=== [es] Se vende camioneta
Se vende camioneta Chevy Silverado 2011, 4x4, 160 mil millas, motor en buen estado, llantas nuevas. Precio $11,500 o mejor oferta. Está en Sedalia, me pueden llamar al 660-555-0193 después de las 5.
=== [es] [int] Se renta casa en Carthage
Se renta casa de 2 recámaras en Carthage, cerca de la escuela. $800 al mes más depósito. Se aceptan mascotas pequeñas. Disponible el primero del mes. Si conocen a alguien que busque, pásenle mi número.
=== [es] [int] Boletos para la rifa - ayuda para mi comadre
Estamos vendiendo boletos para una rifa para ayudar a mi comadre con los gastos del hospital. Cada boleto cuesta $5. El premio es una pantalla de 55 pulgadas. La rifa es el 20 de este mes. Tengo boletos en mi escritorio, ¡ayúdenos por favor!
=== [es] Productos Herbalife - empieza hoy
¿Quieres bajar de peso y ganar dinero extra? Soy distribuidora independiente de Herbalife. Los batidos cuestan $45 y el paquete de inicio $89. También busco personas para mi equipo, puedes ganar hasta $3,000 al mes desde tu casa. Escríbeme.
=== [es] [int] Cachorros en venta
Tenemos cachorros de chihuahua, 3 machos y 2 hembras, con primeras vacunas. $250 cada uno. Están listos para irse ya. Les mando fotos por texto si les interesa.
=== [int] selling my kid's 4-H pig... or half of it
Our 4-H hog didn't place at the county fair so we're selling him by the half. About 130 lbs hanging on a half, $3/lb plus processing at the locker in Marshall. Great pork, my daughter fed him right.
=== [int] Chainsaw for sale
Stihl MS 271 Farm Boss, 20 inch bar, 2 extra chains. Runs strong. $350. Not the state one lol, my personal saw.
=== [out] RE: side job - fence building
Sounds good, I can build your fence on weekends starting the 12th. 300 feet of 4 strand barbed wire with t-posts and wood corners, $2.10 a foot for labor and I'll get the materials at cost from Orscheln. Half up front, half when done.
=== [int] Jeep for sale (daughter's)
Selling my daughter's 2010 Jeep Wrangler, she's off to Mizzou and can't take it. 120k, soft top and hard top, lifted 2 inch. $12,800. Carfax available.
=== [int] Stand-up comedy night tickets
My band is opening for a comedian at the Moberly auditorium on the 22nd. Tickets $25, I can get you in for $20 if you buy from me. Let me know how many.
=== [int] Pecans for sale
The pecan trees went crazy this year. Shelled halves $12 a pound, in shell $3 a pound. Picked off my grandpa's place near Nevada. I'll bring some to the office Monday if you want to order.
=== [int] Help my daughter's softball team - scratch cards
My daughter's 12U softball team is doing scratch-off fundraiser cards, you scratch a dot and that's what you donate ($1 to $5). They're trying to go to a tournament in Oklahoma. Stop by my desk and scratch a couple!! Everybody gets a coupon card for Pizza Hut too.
=== [int] Vending - Rodan + Fields
If you've ever wanted better skin, I've got samples of the Rodan + Fields redefine regimen. Preferred customers get 10% off and free shipping. I'm doing a 60 day challenge and looking for 5 people to join me! Reply for details or I'll come by your office.
=== [int] Selling 2 pallets of leftover shingles
Have 2 pallets of GAF Timberline shingles, weathered wood color, left over from my barn roof. $30 a bundle, about 80 bundles. Also have a half roll of ice shield. Sitting at my place in Bowling Green.
=== [int] Quarter horse mare for sale
Selling my 9 year old sorrel quarter horse mare, well broke, great on trails, loads and clips easy. Registered AQHA. $4,500 to a good home. Video on request. She's at my place south of Mexico MO.
=== [int] FW: anyone want to buy a deep freezer?
Forwarding for my brother in law - he's selling a 15 cu ft chest freezer, works fine, $150. He's in Kennett. Also has a riding mower that needs a belt, make an offer.
=== [int] jewelry party Saturday - Paparazzi $5 jewelry!
Paparazzi jewelry party Saturday 1-4 at my house! Everything is $5, earrings necklaces bracelets. Bring a friend, you'll get a free piece. Or I'll do an online live on Facebook Sunday night.
=== [int] Farm equipment auction - our place, Saturday
Not a state thing, this is my family's farm. Dad is retiring and we're selling out Saturday at 10am at the home place 4 miles north of Bethany on Route 69. Everything goes: 2 tractors (JD 4020 and a Case IH 1086), 16 ft disc, hay rake, square baler, 3 flatbed trailers, a welder, hand tools, 40 round bales, and a bunch of antiques out of Grandma's house. Lunch stand by the Methodist women.

Terms cash or good check, everything sold as-is. The sale bill is attached with the full list. If anybody from the shed wants first look at the welder or the tools, come by Thursday evening and make me an offer before the sale. Please pass this around to the crews.
"""
