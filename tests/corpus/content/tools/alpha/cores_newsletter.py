# Hand-written core texts, category newsletter (source alpha). Format: see cores_chain_letter.py
# Subject line may carry "|| Sender Name || sender@domain" (the list's own From).
CORES = r"""
=== [in] [raw] Black Friday starts NOW - up to 40% off all boots || Boot Barn Deals || deals@email.bootbarn-mail.com
BLACK FRIDAY STARTS NOW. Up to 40% off work boots from Ariat, Justin and Carhartt. Free shipping on orders over $50. Shop steel toe, composite toe and waterproof styles before they're gone. Use code FRIDAY40 at checkout. Offer ends Monday at midnight.
=== [in] [raw] Your weekly recipes: 5 crockpot meals for busy weeknights || Allrecipes Daily || newsletter@recipes-daily.example.com
This week's favorites: Crockpot Cowboy Beans, Slow Cooker Pot Roast, Easy White Chicken Chili, Honey Garlic Pork Chops and 3-Ingredient Ranch Chicken. Plus: the one trick to keep your mashed potatoes fluffy. Save your favorites to your recipe box!
=== [in] [raw] Your daily horoscope - Scorpio || Daily Horoscope || stars@horoscope-mail.example.net
Scorpio (Oct 23 - Nov 21): Today the moon moves into your tenth house, bringing new energy to your career. A coworker may surprise you. Romance is in the air this weekend, so keep your heart open. Lucky numbers: 4, 17, 22. Upgrade to Premium for your full monthly reading.
=== [in] [raw] Fantasy Football Weekly: Waiver wire pickups for Week 9 || FantasyPros Digest || digest@fantasy-weekly.example.com
Waiver wire Week 9: three running backs you need to grab before Wednesday, the tight end nobody is talking about, and our start/sit rankings. Plus: trade value chart update and injury report. Log in to sync your league.
=== [in] [raw] Bass Pro Shops: Fall Hunting Classic - save big || Bass Pro Shops || offers@basspro-email.example.com
The Fall Hunting Classic is here! Save up to 50% on treestands, trail cameras and blinds. Get a $20 bonus card for every $100 you spend. Plus free seminars in-store this weekend at the Springfield Outdoor World. Hurry, sale ends Sunday.
=== [out] [raw] First Baptist Church of Salem - November Newsletter || Salem FBC Newsletter ||
FIRST BAPTIST CHURCH OF SALEM - NOVEMBER NEWSLETTER
Pastor's Corner: This month we give thanks... Upcoming events: Thanksgiving dinner in the fellowship hall Nov 23 at 5pm, bring a side dish. Ladies' Bible study Tuesdays at 9. Youth lock-in Dec 6. Prayer list: the Miller family, Betty Jean recovering from surgery. Birthdays: Don R, Sharon T, Lily W. Nursery volunteers needed for December. Please forward to anyone who might like to join us!
=== [in] [raw] Travel deals: Branson getaway from $89/night || Ozark Travel Deals || travel@ozarkdeals.example.com
Branson getaway from $89/night! Book 2 nights and get show tickets for half price. Plus: Table Rock Lake cabins 30% off this fall, and a Gulf Shores beach deal you won't believe. Prices as low as $199 round trip from Springfield. Book by Friday.
=== [in] [raw] Lone Oak HOA - October Newsletter || Lone Oak Homeowners Association || board@loneoak-hoa.example.org
LONE OAK HOA - OCTOBER NEWSLETTER. Reminder: dues for Q4 are due Oct 31. Leaf pickup starts the 2nd week of November, please bag leaves at the curb. Neighborhood garage sale is Oct 12. The board meeting is Oct 20 at the clubhouse. Please keep trash cans out of view from the street per the covenants.
=== [in] [raw] Walmart: Rollback savings this week + 20% off toys || Walmart || help@walmart-offers.example.com
Rollback savings you'll love! Get ahead on holiday shopping with 20% off select toys, TVs starting at $148 and pickup the same day. Try Walmart+ free for 30 days. See this week's deals.
=== [out] [raw] Oak Ridge Elementary PTA - Weekly Update || Oak Ridge PTA || 
OAK RIDGE ELEMENTARY PTA - WEEKLY UPDATE. Fall book fair is next week, volunteers needed Tues-Thurs 8-11am. Fun run pledges due Friday! Box tops count: 3,221 so far. Family movie night Oct 18 in the gym. Picture retakes Nov 2. Thank you to all our parent volunteers! Please share with the other parents in your class.
=== [in] [raw] Match: 3 new singles near Rolla are interested in you || Match Singles || news@match-singles.example.com
3 singles near Rolla viewed your profile this week! See who winked at you, and upgrade to see who's interested. Your Top Picks for today are ready. Plus: 7 first-date ideas for fall. Subscribe for 50% off.
=== [in] [raw] Tractor Supply: Ag Days Sale - Save on feed & fencing || Tractor Supply Co. || email@tractorsupply-news.example.com
AG DAYS SALE! Save on livestock feed, fencing supplies and tractor parts. Buy 4 get 1 free on select feeds. Neighbor's Club members earn double points all week. Plus, free chick days preview in your local store.
=== [in] [raw] Missouri Fox Trotter Breeders - Member Newsletter || MFTHBA Members || members@foxtrotter-news.example.org
MEMBER NEWSLETTER. Fall show results from Ava, trail ride schedule for next spring, and a reminder that registration fees go up Jan 1. Congratulations to our youth riders! Classified ads: stud service, saddles, trailers for sale.
=== [in] [raw] Weekly fitness tip: the 20-minute home workout || FitLife Newsletter || coach@fitlife-weekly.example.com
This week's 20-minute home workout: 3 rounds of squats, pushups, lunges and planks. No equipment needed. Plus: 5 high-protein breakfasts and our member success story: how Debbie lost 40 lbs. Join our 30-day challenge today for $9.99.
=== [out] [raw] [also:solicitation] Grandma Jo's Kitchen - Holiday Menu & Order Form || Grandma Jo's Kitchen ||
GRANDMA JO'S KITCHEN - HOLIDAY MENU. Thank you to all my customers for another great year! Holiday orders are open: pies $18, cinnamon rolls $24/dozen, dinner rolls $10/dozen. Order deadline Dec 18, pickup Dec 22-23. Reply to this email to order. Please forward to your friends and family!
=== [in] [raw] Cabela's Club: Your points are about to expire! || Cabela's CLUB || club@cabelas-email.example.com
Your CLUB points are about to expire! You have 3,412 points ($34.12) to spend by Nov 30. Shop fishing, camping and hunting gear. Bonus: get 5x points on ammunition this weekend only.
=== [in] [raw] The Daily Devotional - Finding peace in the storm || Daily Devotion || devotional@daily-grace.example.org
Today's devotional: Finding Peace in the Storm. "Peace I leave with you..." (John 14:27). Read the full reflection and today's prayer. Share with a friend who needs encouragement. Donate to support our ministry.
=== [in] [raw] Amazon: Deals picked for you || Amazon.com || store-news@amazon-deals.example.com
Deals picked for you based on your recent browsing: Carhartt hoodies up to 30% off, DeWalt 20V drill kit $99, Ring doorbell 40% off. Lightning deals end in 4 hours. Prime members get early access.
=== [in] [raw] Lake of the Ozarks Boat Club - spring newsletter || LOZ Boat Club || news@lozboatclub.example.org
SPRING NEWSLETTER. Dock season opens April 15. Membership renewals due March 31. Poker run is June 14, sign up at the marina! New members welcome. Boat safety class March 22. Sponsors: Marina Bar & Grill, Osage Beach Marine.
=== [in] [raw] Weight Watchers: Your new meal plan is ready || WW Weekly || hello@ww-weekly.example.com
Your personalized meal plan is ready! This week: sheet pan chicken fajitas, zero point snacks, and 3 desserts under 4 points. Track your water and steps in the app. Members save 50% on a 6-month plan.
=== [in] [raw] Show-Me Quilters Guild - monthly newsletter || Show-Me Quilters Guild || guild@showmequilters.example.org
SHOW-ME QUILTERS GUILD NEWSLETTER. Next meeting Thursday at the Fulton library, 6:30pm. Block of the month: Ohio star in fall colors. Quilt show entries due May 1. Fabric swap table and door prizes! Dues are $20/year.
=== [out] [raw] Hodges Family Reunion 2026 - save the date || Hodges Family ||
HODGES FAMILY REUNION 2026 - SAVE THE DATE! July 18 at Bennett Spring State Park, shelter #3. Bring a covered dish and lawn chairs. T-shirts are $15, order by June 1. Family tree update attached. Please forward to all the cousins, I don't have everybody's email!
=== [in] [raw] Home Depot: Spring Black Friday - deals on mowers || The Home Depot || homedepot@email.homedepot-news.example.com
SPRING BLACK FRIDAY. Save up to $500 on zero-turn mowers, 5 bags of mulch for $10, and $100 off select grills. Free delivery on appliances over $396. See the deals.
=== [in] [raw] Your Coupons for this week - Hy-Vee || Hy-Vee Weekly Ad || ads@hyvee-weekly.example.com
This week's Hy-Vee ad: chuck roast $4.99/lb, 2 for $5 Doritos, fuel saver deals. Clip your digital coupons in the app. Plus: this week's Aisles Online free pickup offer.
=== [in] [raw] Sportsman's Warehouse - NEW guns in stock + range day || Sportsman's Warehouse || email@sportsmans-news.example.com
New arrivals this week! The latest rifles and shotguns are in stock, plus range day at our Springfield store Saturday. Members save 10% on ammo. Sign up for our CCW class.
=== [in] [raw] Cardinals Insider: Spring Training tickets on sale || Cardinals Insider || insider@cardinals-mail.example.com
Spring training tickets are on sale now! Plus: season ticket holder perks, the new bobblehead schedule, and this week's Cardinals Insider podcast. Get 20% off at the team store with code REDBIRD.
=== [in] [raw] Zillow: New listings in Camdenton under $250,000 || Zillow Saved Search || instant-updates@zillow-mail.example.com
12 new homes match your saved search "Camdenton, MO under $250,000": 3 bed 2 bath lake view $239,900; 2 bed cabin on 5 acres $189,000; ... View all listings.
=== [out] [raw] Bootheel Riders MC - monthly ride schedule || Bootheel Riders ||
BOOTHEEL RIDERS MC - MONTHLY NEWSLETTER. Next ride: Saturday 9am from the Dexter Sonic, out to Crowley's Ridge and back. Poker run for the toy drive Dec 7. Dues $40/year, pay at the next meeting. Patches in stock. Forwarding this to the whole list, let me know if you want off.
=== [in] [raw] Groupon: Today's best local deals in Springfield || Groupon || deals@groupon-local.example.com
Today's best deals near you: 60% off a 60-minute massage, $15 for $30 at a local steakhouse, half off oil changes and paintball packages. Limited time, buy now!
=== [in] [raw] Ancestry: New DNA matches found || Ancestry || ancestry@ancestry-mail.example.com
You have 4 new DNA matches! Plus, we found new records for your grandfather in the 1940 census. See what's new in your family tree. Upgrade to All Access for 30% off.
=== [in] [raw] Garden Club of Jefferson City - May newsletter || JC Garden Club || info@jcgardenclub.example.org
GARDEN CLUB OF JEFFERSON CITY - MAY NEWSLETTER. Plant sale May 10 at the courthouse lawn. Speaker this month on native pollinator gardens. Garden tour tickets on sale, $15. Volunteers for the Capitol flower beds needed.
=== [in] [raw] DraftKings: Your $200 bonus is waiting || DraftKings Sportsbook || promotions@dk-promos.example.com
Your $200 in bonus bets is waiting! Bet $5, get $200 if your bet wins. New: same game parlays for Monday Night Football. Must be 21+. Gambling problem? Call 1-800-GAMBLER.
=== [in] [raw] Old Navy: 50% off everything today only || Old Navy || oldnavy@email.oldnavy-shop.example.com
50% OFF EVERYTHING. Today only! Jeans, hoodies, kids' stuff. Plus free shipping on orders $50+. Shop now before it's gone.
=== [in] [raw] Mother Earth News: Homestead tips for winter || Mother Earth News || newsletter@homestead-mail.example.com
This week: winterizing your chicken coop, how to store root vegetables without a cellar, building a cold frame for $40, and our readers' best tips for keeping water troughs from freezing. Subscribe to the print edition and save 60%.
=== [out] [raw] Cedar Creek Gun Club - 2026 schedule || Cedar Creek Gun Club ||
CEDAR CREEK GUN CLUB 2026 SCHEDULE. Trap league starts April 3, Thursdays 5:30pm. Turkey shoot Nov 15. Membership renewals $75 by Feb 1. Range cleanup day March 21, bring gloves. Please pass it on to the rest of the members and anyone interested in joining.
=== [in] [raw] Farmers Almanac: your winter forecast is here || Farmers Almanac || almanac@almanac-news.example.com
The 2026 winter forecast is here! Cold and snowy for the Heartland, with a big storm around Valentine's Day. Plus: best days to fish, plant and cut your hair this month. Order the print almanac today.
=== [in] [raw] Kohl's: Your Kohl's Cash is here! || Kohl's || kohls@email.kohls-shop.example.com
You've got $10 Kohl's Cash! Plus take an extra 15% off with your Kohl's card. Shop home, beauty and kids. Expires Sunday.
=== [in] [raw] Hunting Unlimited Newsletter: Rut report || Hunting Unlimited || rut@huntingunlimited.example.com
RUT REPORT: scrapes are showing up in northern Missouri, and we've got the best stands for the next 10 days. Plus: member trophy gallery and 20% off trail cams.
=== [es] [in] [raw] Ofertas de la semana - hasta 50% de descuento || Tienda La Michoacana || ofertas@lamichoacana-mail.example.com
¡OFERTAS DE LA SEMANA! Hasta 50% de descuento en carnes, frutas y abarrotes. Tortillas a $1.99, arrachera a $5.99 la libra. Visítanos en Sedalia y Marshall. Válido del lunes al domingo.
=== [es] [out] [raw] Boletín de la Iglesia San José - diciembre || Parroquia San José ||
BOLETÍN PARROQUIAL - DICIEMBRE. Posadas del 16 al 24 de diciembre a las 7pm. Misa de Gallo el 24 a las 11pm. Se necesitan voluntarios para los tamales. Colecta para las familias necesitadas. Por favor reenvíen este boletín a sus familias y amigos.
=== [es] [in] [raw] Tu horóscopo semanal - Leo || Horóscopo Semanal || horoscopo@astros-mail.example.com
Leo: esta semana el amor toca a tu puerta. En el trabajo, cuidado con los chismes. Tu número de la suerte es el 7. Suscríbete a la versión premium para leer tu horóscopo completo.
=== [es] [in] [raw] Viajes a México - vuelos desde $199 || Viajes Baratos || viajes@viajesbaratos.example.com
¡Vuelos a Guadalajara, Monterrey y Ciudad de México desde $199! Sale de Kansas City y St. Louis. Paquetes todo incluido a Cancún desde $599. Reserva antes del domingo.
=== [es] [in] [raw] Recetas de la abuela - boletín semanal || Recetas de la Abuela || recetas@cocina-abuela.example.com
Esta semana: pozole rojo, chiles rellenos y arroz con leche. Además, consejos para hacer tortillas a mano. Comparte tus recetas favoritas con nosotros.
=== [in] [raw] Sam's Club: Instant savings this month || Sam's Club || samsclub@email.samsclub-mail.example.com
Instant savings this month: $100 off 65" TVs, big savings on snacks and paper towels, and member's mark meats. Plus renew Plus membership and get $20 back.
=== [out] [raw] Crossroads Homeschool Co-op - Fall Update || Crossroads Co-op ||
CROSSROADS HOMESCHOOL CO-OP - FALL UPDATE. Classes start Sept 8 at the Grace church annex. Fees are $45 per family. Field trip to the Jefferson City capitol Oct 14. Bake sale Nov 1. Please send this along to the other families.
=== [in] [raw] NASCAR Fan Newsletter - race week preview || NASCAR Insider || insider@nascar-fans.example.com
Race week preview: Kansas Speedway! Ticket deals, driver interviews, and the Cup Series standings. Plus enter to win a pit pass.
=== [in] [raw] Redneck Bargains Weekly || Redneck Bargains || bargains@redneckbargains.example.com
THIS WEEK'S REDNECK BARGAINS: camo everything 40% off, deer corn $8.99 a bag, truck bed liners, and the famous "bacon of the month" club. Click to save.
=== [in] [raw] Dish Network: Special offer for you || DISH || offers@dish-mail.example.com
Special offer! Get 190 channels for $79.99/mo with free installation. Plus add NFL Sunday Ticket. Switch today and get a $100 Visa card.
=== [in] [raw] Your weekly crossword & puzzles || Puzzle Weekly || puzzles@puzzleweekly.example.com
This week's crossword, sudoku and word search are ready! Last week's winners, and a new trivia challenge: Missouri state history. Become a member for unlimited puzzles.
=== [in] [raw] Menards: 11% rebate on everything! || Menards || menards@menards-mail.example.com
11% REBATE ON EVERYTHING! Through Saturday. Save on lumber, tools, and holiday decorations. Plus doorbusters starting at 6am.
=== [out] [raw] Chillicothe Little League - Spring Registration || Chillicothe Little League ||
CHILLICOTHE LITTLE LEAGUE - SPRING REGISTRATION. Sign-ups Feb 1-28, $60 per player ($40 each additional). Coaches meeting March 5. Concession stand volunteers needed. Sponsors wanted for outfield banners, $150. Please share with all your parents.
=== [in] [raw] Daily Deals: Trail cameras and gun safes || Outdoor Deals Daily || daily@outdoordeals.example.com
Today only: trail cameras $49.99, gun safes 30% off, and a hunting knife set for $19.99. Free shipping over $35.
=== [in] [raw] Mizzou Alumni Newsletter - Tigers Weekly || Mizzou Tigers Weekly || tigersweekly@mizzou-fans.example.com
TIGERS WEEKLY: football recap, basketball season preview, and tailgate tickets. Plus: Homecoming parade route and alumni discounts at the Mizzou store.
=== [in] [raw] Petco: Your pet's birthday treat awaits! || Petco Pals || pals@petco-mail.example.com
Happy birthday to Buster! Here's a free treat and 20% off your next order. Plus: flea and tick season savings and free same-day delivery.
=== [in] [raw] Fantasy Basketball Daily Digest || Fantasy Hoops Daily || digest@fantasyhoops.example.com
Today's DFS picks, injury updates and value plays. Our lineup optimizer is 20% off for new members. Join a free contest tonight.
=== [out] [raw] Shady Acres Christian Camp - Summer Newsletter || Shady Acres Camp ||
SHADY ACRES CHRISTIAN CAMP - SUMMER NEWSLETTER. Camp registration is open! Junior camp June 8-12, teen camp June 15-20. $180 per camper. Counselors needed. Please pray for our camp and forward this to families in your church.
=== [in] [raw] Scentsy Bars of the Month || Scentsy Independent Consultant || news@scentsy-consultant.example.com
Hi there! This month's Scentsy Bar of the Month is Cozy Campfire, 10% off. Warmer of the Month: the Barn Quilt warmer. Order from my site today! Reply STOP to unsubscribe.
=== [in] [raw] AARP: Discounts for members in Missouri || AARP Member Benefits || member@aarp-news.example.com
Member benefits in Missouri: save on hotels, dining, and car rentals. Plus: new Medicare guides and a free webinar on fraud prevention. Renew your membership and get a free gift.
=== [es] [in] [raw] Club de Futbol Sedalia - noticias de la temporada || Liga Hispana Sedalia || liga@ligahispana-sedalia.example.org
NOTICIAS DE LA TEMPORADA. La liga de futbol de los domingos empieza el 5 de abril en el parque Liberty. Inscripción $250 por equipo. Se buscan árbitros. Tabla de posiciones y calendario en nuestra página. ¡Invita a tus amigos!
=== [in] [raw] Rural King: Farm & Home Days - free popcorn and deals || Rural King || deals@ruralking-mail.example.com
FARM & HOME DAYS! Free popcorn and coffee all weekend. Gun safes up to 25% off, 50 lb dog food $29.99, heated waterers in stock. Plus enter to win a UTV. In-store only at Rolla and Lebanon.
=== [out] [raw] Thompson Family Christmas Letter 2025 || The Thompsons ||
THE THOMPSON FAMILY CHRISTMAS LETTER 2025. What a year! Kaylee started kindergarten, Grandpa got his new knee, and we finally finished the porch. Our trip to Branson in July... (three more paragraphs of family news and photos). Merry Christmas from all of us! Sending this to everybody in my address book, please share with the relatives.
"""
