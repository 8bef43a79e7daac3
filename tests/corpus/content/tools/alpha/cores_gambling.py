# Hand-written core texts, category gambling (source alpha). Format: see cores_chain_letter.py
CORES = r"""
=== [int] [att] March Madness bracket - $10 entry
Brackets are up for March Madness! $10 entry, 1st place gets 70% of the pot, 2nd gets 20%, last place gets 10% back so nobody goes home empty. Turn in your bracket and money to me by Thursday noon before the first game. Cash only. Last year we had 38 people.
=== [int] [att] Super Bowl squares - $5 a square
Super Bowl squares are $5 a square, 100 squares. Payouts each quarter: $100 1st, $100 half, $100 3rd, $200 final. Numbers get drawn Sunday morning. Sheet is posted on the board in the shop, write your name in pencil and pay me before Friday. Chiefs fans, you still have to pay lol
=== [int] fantasy football league - $50 buy-in
Starting the Maintenance Fantasy Football League again. $50 buy in, 12 teams, ESPN, draft is the Thursday before week 1 at 7pm. Winner takes $400, 2nd $150, most points in a week gets $5 each week. Venmo me the buy-in to hold your spot.
=== [int] Powerball pool - $2 each
Powerball is up to $870 million. Doing an office pool, $2 a person, I'll buy the tickets at the Casey's at lunch and send everybody a copy of the tickets. If we win we're all quitting lol. Get me your money by 11.
=== [int] Baby pool for Jessica!!
Jessica's due date is March 12 so let's do a baby pool! $5 a guess, pick the date, time, weight, and boy or girl. Closest gets the pot, split with half going to Jessica for diapers. Sheet is at the front desk.
=== [int] First snow pool - $2 a day
OK boys, first snow pool is up. $2 a day, pick the date of the first measurable snow at the Kirksville shed (1 inch or more on the board). Winner takes all. Fill in the calendar on the break room wall and pay Dale.
=== [int] poker night - $20 buy in
Poker night at my place Friday, Texas hold em, $20 buy in, re-buys allowed until 9. Bring a snack. Usually wraps up by midnight unless Mike is on a heater again. Text me if you're coming so I know how many tables.
=== [int] Golf scramble skins game
Since we're all at the golf scramble anyway, we're doing a skins side game, $20 a man, carryovers count. Closest to the pin on 7 and 14 gets $50 each. Bring cash, I'll hold it.
=== [int] bet on the Mizzou game
Bet you $20 Mizzou beats Arkansas by more than a touchdown. You want the points or not? Loser buys lunch too. Put it in writing so you can't weasel out like last year lol.
=== [int] deer season big buck pool
Big buck contest for deer season: $10 to get in, biggest gross score taken on opening weekend wins the pot. Has to be legal and checked in. Pictures with the tag or it didn't happen. Pay me by Friday.
=== [int] NCAA bracket challenge - paid group
I set up a paid group on the bracket site, $20 per bracket, max 2 per person. Top 3 get paid 60/30/10. Venmo me @Gary-Sheds, I'll keep the ledger and post the standings every morning.
=== [int] Derby pool
Kentucky Derby pool, $5 buys you a random horse draw, 20 horses. Winner gets $60, place $25, show $15. Drawing the names Friday afternoon at the district office. Wear a hat.
=== [int] Dead pool 2026 - celebrity picks
2026 dead pool is open. $10, pick 10 celebrities, points based on age (100 minus age). Whoever has the most points on Dec 31 takes the pot. Yeah it's morbid. Turn in your list by Jan 15.
=== [int] World Series pool
World Series pool, $10 a square, the score of each game, last digit. If you hit the final score of any game you get $50. If it goes 7 the last game pays double. Sheet on my desk.
=== [int] Mega Millions - who's in
Mega Millions is over $500 million. 20 bucks in for 10 tickets. I'll hold the tickets and scan them on the app Wednesday. So far 9 of us. Don't be the one guy who didn't get in when we win
=== [int] weight loss challenge w/ money
New Year weight loss challenge! $25 to join, weigh in every Monday on the scale in the locker room. Biggest percentage lost by April 1 takes 70% of the pot, second place 30%. Don't be a hero, I've seen you eat at the potluck.
=== [int] Chiefs vs Bills - side bet
I'll take your $50 on the Chiefs at -3. Pay up Monday if you lose, no IOUs this time. Double or nothing on the over if you want it.
=== [int] euchre tournament - $10 a team
Euchre tournament at the VFW in Marceline Saturday night, $10 per team, winners take 60% of the money. A few of us from the shed are playing, need 1 more team. Bring cash.
=== [int] Quarters for the big game
Running a quarter board for the Mizzou-Kansas basketball game, $10 a square. Pays $100 each half and $200 final. 40 squares left. Pay before tip off.
=== [int] Golf league side bet
Thursday golf league: we're doing a $5 Nassau between the four of us, front, back, and total. Also $2 greenies. Gary you owe from last week.
=== [int] Casino trip - Isle of Capri bus
Organizing a bus to the Isle of Capri in Boonville Saturday. $20 for the seat, and we're doing a pool where everybody puts in $10 and whoever comes home with the most wins it all. Leaves the Sedalia lot at 4pm.
=== [int] 50/50 pool on the hunting trip
For the elk hunting trip in Colorado, everybody puts $50 in the pot. First bull wins it all, ties go to the biggest. No "my brother in law shot it" tags.
=== [int] office bet - when does the new bridge open
Taking bets on when they open the new Route 54 bridge. $5 a guess, pick the exact date. Closest without going over wins. Our office is 0 for 3 on guessing contractor schedules so who knows lol
=== [int] Thanksgiving turkey bowl pool
Running a pool for the 3 Thanksgiving games, $5 per game, pick the winner and the total points. Most correct with tiebreaker on total points wins. Get me your picks by Wednesday.
=== [int] Pick 'em league - weekly $5
Weekly NFL pick 'em for the crew, $5 a week. Pick every game straight up, winner each week takes the pot. Sheets are in the truck bays. Monday night score is the tiebreaker.
=== [int] Snow day pool - how many callouts
Doing a pool on how many callouts we get this winter. $5 to play, closest to the real number by March 31 wins. Last year was 23. My money's on 30.
=== [int] Lottery Scratchers - pooled
Bought $100 worth of scratchers with everybody's pool money, we hit $240 total. Want me to split it, or roll it into another round? Majority wins. I say roll it.
=== [int] bracket for the Royals season
Royals over/under pool, $10 each. Pick their win total for the season, closest wins the pot. Loser buys the tenderloins at the next safety meeting.
=== [int] Fishing tournament - big bass pot
Crew fishing tournament on Truman Saturday, $40 a boat, plus a $10 side pot for big bass. Payback 50/30/20. Weigh-in at 3 at the Long Shoals ramp.
=== [int] Texas hold em at the lake - $50 game
Cabin weekend at the Lake of the Ozarks, we'll run a $50 buy in hold em tournament Saturday night, payout top 3. Bring your own chips if you have them. BYOB.
=== [int] Hole in one insurance pool lol
Everybody on the golf team throws in $5 and if anybody gets a hole in one this season they take the whole pot. If nobody does, it goes to the bar tab at the end of the season.
=== [int] Super Bowl prop bets
Prop bet sheet for the big game: length of the anthem, coin toss, first team to score, Gatorade color, how many times they show Taylor Swift. $10 to play, most right wins. Sheets due before kickoff.
=== [int] Stanley Cup pool
Stanley cup playoff pool, $20 each, draft 8 players, points for goals and assists through the whole playoffs. Blues fans welcome, even though. Draft is Tuesday over lunch.
=== [int] bet on the paving crew
Bet $20 the paving crew on Route 13 doesn't finish before Halloween. Any takers? I'll even give odds. Dave says they'll make it, so Dave you're on.
=== [int] cornhole tournament w/ money
Cornhole tournament after the safety meeting, $10 a team, winner takes the pot. Bring your own bags if you're gonna whine about ours.
=== [int] RE: RE: who's in for the Powerball
So we're at 16 people, $5 each = $80. Ticket numbers are attached. If we win, I'm buying a new truck and never seeing I-44 again. Still time to get in till 3pm.
=== [int] Masters golf pool
Masters pool, $20 entry, pick 6 golfers, 4 best scores count. Top 3 paid. Spreadsheet coming. Picks due Wednesday night.
=== [int] March Madness - squares version
For people who hate brackets: March Madness squares, $10 each, 100 squares, every game pays based on last digit of the final score. $1 per game, $5 for the championship, grand prize $200.
=== [int] coin flip for the overtime
Coin flip for who gets the overtime this weekend? Loser buys the winner a steak. Or $20, your choice.
=== [out] RE: our bet on Arkansas game
Ha, pay up brother. $100 on the Razorbacks and they lost by 21. Venmo is fine, my handle is the same as always. Next time I'll give you the points.
=== [int] Bowl game pool - $20 entry
Bowl game confidence pool, $20 entry. Rank all 40 bowl games by confidence, points for correct picks. Winner gets 70%, 2nd 30%. Form's attached, due before the first game Dec 14.
=== [int] [att] Bracket pool - Women's tourney
Doing a women's tournament bracket pool too since the men's is already full. $5 a bracket, winner takes all. Bracket sheet attached, fill it out and give me your money by Thursday.
=== [int] Halloween candy guess - $1 a guess
Guess how many candy corns are in the jar, $1 a guess, winner takes the pot and the jar. Last year it was $48.
=== [int] Bet on the groundhog
Groundhog day pool, $5, pick shadow or no shadow AND the high temp in Jeff City that day. Winner takes all. Yes we're bored in February.
=== [int] Daytona 500 pool
Daytona 500 driver draw, $10 for a random driver, 40 drivers. Winner gets $250, last place gets $20 back. Drawing Friday at lunch in the shop.
=== [int] NBA finals series bet
I'll bet anybody $50 the finals go 7 games. Winner also picks the radio station in the truck for a month.
=== [int] Fantasy baseball - $100 buy-in
Fantasy baseball keeper league, $100 buy-in, roto scoring, 10 teams. Need 2 more managers. Winner gets $600, 2nd $300, 3rd gets their money back.
=== [int] jackpot pull tabs at the legion
Anybody want to go in on a box of pull tabs at the legion Saturday? $5 each and we split whatever we hit. Last time we won $300.
=== [int] Chili cook-off betting
Chili cook-off at the Northeast district: $5 to taste and vote, and we're running a side betting pool on who wins. $2 a pick. Mark's chili is the favorite, 3 to 1.
=== [int] office lottery pool agreement
For the lottery pool, please sign the attached sheet so we don't fight about it later. $10 each week for 8 weeks. If we hit anything under $600 it rolls into more tickets.
=== [es] [int] Quiniela del Mundial - $10
Hola compañeros, estamos haciendo una quiniela para el Mundial. Son $10 por persona, escoges el ganador de cada partido y el que más acierte se lleva todo. Denme el dinero antes del viernes. ¡Vamos México!
=== [es] [int] Apuesta del partido Chivas vs América
Te apuesto $20 a que las Chivas le ganan al América el domingo. Si empatan nadie paga. El que pierde también invita los tacos el lunes.
=== [es] [int] Lotería - juntamos para boletos
Vamos a juntarnos para comprar boletos del Powerball, $5 cada uno. Si ganamos, nos repartimos el premio entre todos. Les mando foto de los boletos. Denme el dinero antes de las 2.
=== [es] Torneo de pelea de gallos
Este sábado hay pelea de gallos cerca de la frontera con Arkansas. Entrada $20 y las apuestas empiezan en $50. Si quieren ir, yo llevo la troca. No le digan a nadie del trabajo.
=== [es] [int] Quiniela de la Liga MX
Empieza la quiniela semanal de la Liga MX, $5 por jornada. El que acierte más resultados gana la bolsa. Mándenme sus picks por texto antes del viernes a las 6.
=== [es] [int] Baby pool - ¿niño o niña?
Hacemos apuestas para el bebé de Maribel: $5 por persona, adivina la fecha, el peso y si es niño o niña. El que se acerque más se lleva la mitad y la otra mitad es para el bebé.
=== [int] Boxing fight - $20 to get in on the pot
Big fight Saturday night. $20 gets you a pick in the pool, pick the winner and the round. If nobody hits the exact round, closest wins. Watching at Larry's garage.
=== [int] Squares for the Mizzou bowl game
Mizzou bowl game squares, $10 each. 100 squares, payout $200 each quarter, $300 final. Paying out by Venmo after the game.
=== [int] Pheasant hunt pool
Pheasant hunt pool, everybody puts $20 in, most birds by noon takes it, unless Tim shoots another one of Gary's decoys again.
=== [int] Coworker's retirement date pool
Ok so Ronnie keeps saying he's retiring "next year" for like 6 years now. $5 pool, pick the month he actually turns in his papers. Don't tell him lol.
=== [int] [att] Crew NFL survivor pool - rules (read before you pay)
Ok here are the rules for the survivor pool since somebody always argues in week 6:

1. $25 to get in, pay by the Thursday night game of week 1. Venmo or cash to me, no IOUs.
2. Every week you pick ONE team to win straight up. If they lose or tie, you're out.
3. You can only use each team once all season.
4. Picks are due before the first game on Sunday. If you forget, you get the lowest remaining team on the board alphabetically (sorry, Arizona).
5. Last man standing takes the whole pot. If everybody left loses in the same week, they all stay in. If it goes to the end of the season, remaining players split it.
6. Buy-back in week 2 only, $25 more.

Last year the pot was $650 with 26 people. Sheet is attached, I'll post the board in the shop every Monday.
"""
