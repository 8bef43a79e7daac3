# Hand-written cores, newsletter (non-business), source delta.
# "From-Name:" line names the sending list for bulk cores.
CORES = r"""
=== [bulk] Pruitt Family Reunion Newsletter - Summer 2026
From-Name: Pruitt Family Reunion
PRUITT FAMILY NEWS - Issue 14
The 38th annual reunion is Saturday, July 18 at the Lamar City Park pavilion. Potluck at noon, bring a covered dish and your own lawn chairs.
Births: Aunt June's granddaughter Kaylee had twins in March!
Graduations: Cousin Tyler finished at Missouri State.
In memory: Uncle Roy, who ran the horseshoe tournament for 20 years.
Reunion T-shirts are $15, order by June 1. Dues are $10 per household.
Don't forget the family cookbook is still for sale, see Aunt Bev.
=== [bulk] Tri-County Bowling League standings - Week 11
From-Name: Tri-County Mixed Bowling League
TRI-COUNTY MIXED LEAGUE - WEEK 11 STANDINGS
1. Pin Pals 31-13
2. Gutter Gang 28-16
3. Split Happens 26-18
4. Lucky Strikes 22-22
High game men: R. Stroup 268. High game women: J. Bixby 231. High series: D. Lutz 702.
Reminder: position round next Tuesday, lanes 1-16 at Sunset Lanes, 6:30 pm.
Banquet tickets on sale at the counter.
=== [bulk] Bass Pro Team Trail - Truman Lake Open - Register Now
From-Name: Show-Me Bass Anglers
SHOW-ME BASS ANGLERS TOURNAMENT TRAIL
Truman Lake Open - Sat, April 25 - Long Shoals ramp, safe light start.
Entry $150 per boat, 100% payback plus big bass pot. Live well checks at 5:30 am.
Sponsored by Ozark Marine and Lakeside Bait & Tackle.
Register online or at the ramp. Tournament rules and lake map in the members area.
Tight lines!
=== [bulk, html] Ozark Cruisers Car Show - Father's Day Weekend
From-Name: Ozark Cruisers Car Club
OZARK CRUISERS 22ND ANNUAL CAR SHOW
Sunday June 21 - Downtown Ozark square. Registration 8-11 am, awards at 3.
40 classes, dash plaques to first 150 cars. Food trucks, 50/50, DJ Rockin' Ray.
Pre-register for $25 or $30 day of show.
Club cruise night every 2nd Friday at Sonic on 14.
Like us on Facebook!
=== [bulk] The Quilting Bee - March newsletter
From-Name: Heart of Missouri Quilt Guild
HEART OF MISSOURI QUILT GUILD - MARCH
Our March meeting is Tuesday the 10th at First Christian fellowship hall. Show and tell, then a demonstration of foundation paper piecing by Marlene.
Retreat at Camp Clark, April 17-19, $95 includes meals.
Block of the month: Ohio Star in spring pastels.
Fabric swap table - bring fat quarters!
=== [bulk] Mid-Mo Model Railroad Club - Open House
From-Name: Mid-Missouri Model Railroaders
MID-MO MODEL RAILROADERS NEWSLETTER
Open house Dec 5-6 at the depot museum, HO and N scale layouts running all day. Kids can run the Thomas layout.
Work nights Thursdays 7 pm. Dues are due in January ($40).
Swap meet in February. Members - please bring your engines for DCC testing.
=== [bulk] Softball League - Men's D schedule and standings
From-Name: Jefferson City Parks Adult Softball
JC ADULT SOFTBALL - MEN'S D - WEEK 6
Standings: Brew Crew 5-1, Hit & Run 4-2, Mudcats 3-3, Sandlot Legends 2-4, Bad News Beards 1-5.
Monday games at Vivion Field: 6:30 Brew Crew vs Mudcats, 7:30 Hit & Run vs Bad News Beards.
Rainout line: check the app after 4 pm.
Fall league registration opens August 1.
=== [bulk] Notes from the Homestead - Aunt Carol's blog digest
From-Name: Notes from the Homestead
NEW POSTS THIS WEEK FROM NOTES FROM THE HOMESTEAD
- Canning 40 quarts of tomatoes (and why I'll never do it again)
- The chickens escaped AGAIN: a photo essay
- Grandkids' visit and my famous peach cobbler recipe
- Prayer requests from our little church
Click to read more. Thanks for following along, share with your friends!
=== [bulk, html] Cabela's - Spring Fishing Classic: up to 40% off
From-Name: Outdoor Outfitters Deals
SPRING FISHING CLASSIC IS ON
Up to 40% off rods, reels and tackle. Bonus: $20 off your $100 purchase with code SPRING20.
Members earn 3x points this weekend.
Free shipping on orders over $49. Shop now before it's gone.
=== [bulk, html] Your weekly horoscope - Scorpio
From-Name: Daily Star Horoscopes
YOUR WEEK AHEAD, SCORPIO
Venus enters your career sector on Tuesday - a great time to ask for that raise. Money matters look bright midweek. Romance heats up by the weekend!
Lucky numbers: 7, 14, 22. Lucky color: deep red.
Upgrade to Premium for your full monthly reading - just $4.99.
=== [bulk] Fantasy Football Weekly Digest - Week 9
From-Name: Gridiron Fantasy Insider
WEEK 9 WAIVER WIRE PICKUPS
Top adds: a backup RB with a clear path to carries, a rookie WR seeing 9 targets a game.
Start 'em / sit 'em: start the Chiefs D at home, sit your tight end against a top-5 defense.
Injury report and trade value chart inside. Premium members get the rest-of-season rankings.
=== [bulk, html] Grandma's Kitchen - 5 Crockpot recipes for cold nights
From-Name: Grandma's Kitchen Recipes
THIS WEEK'S RECIPES
1. Crockpot white chicken chili
2. Slow cooker pot roast with root vegetables
3. Cheesy potato soup
4. Sweet and spicy little smokies
5. Apple dump cake
Print all five recipe cards free. Forward to a friend who loves to cook!
=== [bulk, html] Dollar General - Digital coupons this week
From-Name: Savings Club Weekly
SAVE $5 ON A $25 PURCHASE THIS SATURDAY
Clip your digital coupons now. BOGO on snacks, 25% off cleaning supplies, paper towels 2 for $10.
Your personalized deals are waiting in the app.
=== [bulk] Heartland Antique Tractor Club newsletter
From-Name: Heartland Antique Power Association
HEARTLAND ANTIQUE POWER - FALL EDITION
Thanks to everyone who brought a tractor to the Boonville show. Over 200 tractors and 12 steam engines!
Plow day is October 10 on the Renner farm. Bring your own pulls and a lunch.
Toy tractor raffle winner: Lonnie G.
Officer elections at the November meeting.
=== [es, bulk] Boletín de la Liga de Fútbol Hispana - Jornada 8
From-Name: Liga Hispana de Fútbol Amateur
LIGA HISPANA DE FÚTBOL - JORNADA 8
Resultados: Deportivo Sedalia 3-1 Halcones, Real Marshall 2-2 Atlético Milan, Chivitas 0-4 Tigres del Norte.
Tabla: 1. Tigres del Norte 22 pts, 2. Real Marshall 19, 3. Deportivo Sedalia 17.
Próxima jornada domingo en el campo de Liberty Park. Recuerden pagar el arbitraje.
Síguenos en Facebook.
=== [es, bulk] Noticias de la Parroquia San Juan Diego
From-Name: Parroquia San Juan Diego
BOLETÍN PARROQUIAL
Misa en español los domingos a la 1 pm. Confesiones los sábados de 4 a 5.
Kermés el 12 de septiembre: habrá tamales, pozole y música.
Inscripciones para catecismo abiertas hasta el 30 de agosto.
Intenciones de misa en la oficina parroquial.
=== [es, bulk, html] Ofertas de la semana - Supermercado La Michoacana
From-Name: Supermercado La Michoacana
¡OFERTAS DE LA SEMANA!
Carne para asar $3.99 la libra. Aguacates 5 por $2. Tortillas de maíz 2 paquetes por $3.
Pan dulce recién horneado todos los días.
Válido del miércoles al martes. Síguenos para más ofertas.
=== [es, bulk] Boletín de la familia Quintero - Reunión 2026
From-Name: Familia Quintero
BOLETÍN DE LA FAMILIA QUINTERO
La reunión familiar será el 4 de julio en el rancho de tío Efrain, en Carthage. Cada familia traiga un platillo.
Felicidades a Noemi por su graduación y a los novios Arturo y Maribel.
Cuota para el salón y la música: 20 dólares por familia.
Manden sus fotos antiguas para el álbum.
=== [es, bulk] Tu horóscopo semanal - Leo
From-Name: Astros y Destino
TU HORÓSCOPO SEMANAL, LEO
El amor toca a tu puerta este fin de semana. En el trabajo, evita discusiones el martes. El dinero llega por una sorpresa.
Números de la suerte: 3, 9, 27.
Suscríbete a la versión premium por solo $2.99 al mes.
=== [es, bulk, out] Boletín de mi negocio de repostería - Pasteles Graciela
From-Name: Pasteles Graciela
PASTELES GRACIELA - NOVEDADES DE OTOÑO
Ya estamos tomando pedidos de pasteles de tres leches para Día de Muertos y pan de muerto.
Pastel de 1/4 de plancha $45, de media plancha $80.
Pedidos por mensaje o en la tienda del sábado.
Gracias por su preferencia, compartan con sus amigos.
"""
