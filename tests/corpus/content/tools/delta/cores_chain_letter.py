# Hand-written cores, chain_letter (English jokes and passed-around humour), source delta.
CORES = r"""
=== [fw] Joke of the Day - the parrot
A lady buys a parrot at a yard sale in Sedalia real cheap. Guy says "fair warning, it used to live in a bar." She gets it home, parrot looks around and says "New bar, new bartender." Her two daughters walk in. "New bar, new bartender, new girls." Husband comes home from work. Parrot says "Hey Earl, how ya doin!" Joke of the day, pass it on to somebody who needs a laugh.
=== [fw] FW: lawyer jokes (the good ones)
What's the difference between a lawyer and a catfish? One is a slimy bottom-dweller and the other is a fish.
How can you tell when a lawyer is lying? His lips are moving.
What do you call 500 lawyers at the bottom of the Lake of the Ozarks? A good start.
Why won't sharks attack lawyers? Professional courtesy.
Send these to every lawyer you know, they need to lighten up lol
=== You know you're from Missouri when...
You know you're from Missouri when:
- you've had all four seasons in one week and a tornado warning in January
- you say "Missour-uh" when your grandpa's in the room and "Missour-ee" around anybody else
- you know Imo's is pizza and will fight about provel
- "down the road a piece" is a real unit of distance
- you've been to Silver Dollar City more than church
- you measure a winter by how many days the kids got off
Forward to all your Show-Me friends!!
=== [fw] FW: Engineer jokes - so true
An engineer, a physicist and a mathematician are staying at a motel. The engineer wakes up, smells smoke, sees a fire, fills the trash can with water and puts it out. The physicist wakes up, sees a fire, calculates the exact amount of water needed and puts it out. The mathematician wakes up, sees the fire, says "a solution exists" and goes back to sleep.
Optimist: the glass is half full. Pessimist: half empty. Engineer: the glass is twice as big as it needs to be.
Pass this to the design section, they'll get it.
=== [fw, att] Fwd: Grandma's sayings - so true!!
Things my Grandma used to say:
"If you're bored, I can find you something to do."
"Close the door, were you raised in a barn?"
"Don't make me pull this car over."
"That'll make a lovely rag."
"Pretty is as pretty does."
"You'll eat it and you'll like it."
"I'm not running a restaurant."
If you heard any of these growing up send this to 10 people who turned out OK anyway!
=== [fw, att] FW: Rules for life from a 90 year old
1. Never trust a dog to watch your food.
2. Never wear white to a barbecue.
3. Don't argue with a woman who is holding a casserole.
4. If it's free, take two.
5. Never pass up a bathroom.
6. Don't trust a man who says he'll be right back.
7. When in doubt, hold the gravy.
This lady is 90 and still mows her own yard. Send to everyone you love, and to some you don't lol.
=== [fw] FW: the blonde and the crossword
A blonde calls her friend and says "I'm stuck on a crossword, it's a four letter word for a female animal that ends in -h-e-n." Friend says "hen." Blonde says "Oh! Thanks. Do you have an eraser?"
Another one: A blonde walks into a car parts store and says "I need a blinker fluid." lol my husband sent me this, forward to your blonde friends, they'll laugh eventually
=== [int] puns for hump day
I used to be a banker but I lost interest.
I'm reading a book about anti-gravity. It's impossible to put down.
The guy who invented the door knocker got a no-bell prize.
Did you hear about the asphalt that got promoted? It paved its way to the top.
What do you call a road that's always arguing? A cross street.
Happy Wednesday, reply with your worst pun. Pass it around the office!
=== [fw] Fwd: Redneck wedding announcement - LOL
You might be at a redneck wedding if the bride's "something old" is the groom's truck. If the rehearsal dinner is at the Sonic. If the wedding party all wears camo so nobody can find them after. If the cake has a deer on it and it's still hunting season. If the ring bearer is a coonhound. If the limo is a Kubota. Forward to your cousins!!!
=== [fw] FW: 40 year reunion letter - funny story
So Bob goes to his 40th high school reunion and comes home upset. His wife asks what's wrong. He says "Everybody got so fat and bald and old they didn't even recognize me." She says "Honey, did you wear your name tag?" He says "Yes." "Then how did they not know you?" He says "They did. They asked me if I was Bob's dad." Hahaha send to your class of 85 friends
=== [fw] Fwd: Signs you're getting old
You know you're getting old when:
- your back goes out more than you do
- you get winded playing checkers
- you sink your teeth into a steak and they stay there
- you turn out the lights for economic reasons rather than romantic ones
- the pharmacist knows you by first name
- you remember when gas was under a dollar and the wife says stop telling that story
Send this to anybody over 50 and make them feel young lol
=== [fw] FW: Things my dog taught me
Never pass up the opportunity to go for a joy ride. When loved ones come home, always run to greet them. Take naps and stretch before rising. If what you want lies buried, dig until you find it. When someone is having a bad day, be silent, sit close by and nuzzle them gently. This was sent to me by a friend. Send it to 7 dog lovers and something good will happen to you this week.
=== [int] Monday Funny - the mule and the county commissioner
A county commissioner is driving a back road in Dallas County and hits a mule. The farmer comes out and the commissioner says "I'll pay for it, what's it worth?" Farmer says "Well, that mule was the finest plow mule in Missouri, $3,000." Commissioner says "That's a lot for an old mule." Farmer says "Yeah, but he's the only one who ever showed up to fix my road." lol pass it around
=== [fw] FW: Husband vs wife text messages (too funny)
Wife texts husband on a cold winter morning: "Windows frozen, won't open." Husband texts back: "Gently pour some lukewarm water over it and gently tap edges with hammer." Wife texts back 10 minutes later: "Computer really messed up now." 
Another one: Husband: "I'm at the store, what do we need?" Wife: "Bread, and if they have eggs get 6." He came home with 6 loaves of bread. "They had eggs." 
Forward to every married couple you know!!
=== [fw] Fwd: The Ozark mechanic story
A guy takes his old Ford to a mechanic in Mountain View. Mechanic pops the hood, looks at it for about 30 seconds, taps the carburetor once with a wrench and it starts right up. "That'll be $100." "$100 for one tap?!" Mechanic says "Tapping is $1. Knowing where to tap is $99." Thought of you guys at the fleet shop. Pass it on.
=== [fw, att] FW: Funny church bulletin bloopers
Real church bulletin mistakes:
"The ladies of the church have cast off clothing of every kind and they may be seen in the basement on Friday afternoon."
"Don't let worry kill you. Let the church help."
"The eighth graders will be presenting Shakespeare's Hamlet in the church basement Friday. The congregation is invited to attend this tragedy."
"Potluck supper Sunday at 5 PM. Prayer and medication to follow."
Pass these to your church friends, Pastor Ray laughed till he cried!
=== [fw] Fwd: Why I'm retiring - funny list
Reasons I'm retiring:
1. I've been promoted to "Senior" without a raise.
2. The last time I got a compliment at work was 2011.
3. Every new software update is designed by people who have never met me.
4. My knees filed a grievance.
5. I can now officially wear socks with sandals at the lake.
Send this to everyone counting days to retirement. I'm at 412!
=== [fw] FW: Texas vs Missouri
A Texan visits a Missouri farm and brags "Back home I can get in my truck in the morning and drive all day and not reach the end of my land." The Missouri farmer nods and says "Yep. I had a truck like that once too." 
Forward to anybody who's ever had a Texan brag at them lol
=== [fw] Fwd: Little Johnny joke (clean one!)
Teacher asks the class to use the word "definitely" in a sentence. Susie says "The sky is definitely blue." Teacher says "Well, it can be gray sometimes." Tommy says "Trees are definitely green." "Well, in the fall they're brown." Little Johnny raises his hand and asks "Do farts have lumps?" Teacher says "No, Johnny." "Then I definitely pooped my pants." 
My grandson told me this one, pass it on!!
=== [fw, att] FW: Funny actual insurance claim statements
Real things people wrote on accident reports:
"The telephone pole was approaching. I was attempting to swerve out of its way when it struck my front end."
"I had been driving for forty years when I fell asleep at the wheel."
"The guy was all over the road. I had to swerve a number of times before I hit him."
"An invisible car came out of nowhere, struck my car and vanished."
"I pulled away from the side of the road, glanced at my mother-in-law and headed over the embankment."
lol forward to the claims people
=== [fw] Fwd: Ole and Lena jokes
Ole dies and Lena goes to put an obituary in the paper. The man says it's $5 for up to 7 words. Lena writes "Ole died." The man says "Ma'am, you've got 5 more words for the same price." Lena thinks and writes "Ole died. Boat for sale." 
Send this to your Minnesota relatives lol
=== [fw, att] FW: Top 10 Redneck Christmas
10. Your tree is decorated with bass lures and shotgun shells.
9. The stockings are hung on the gun rack.
8. Grandma's fruitcake is aged in the barn.
7. The nativity scene has a deer stand in it.
6. You've ever worn camo to a Christmas wedding.
5. Santa comes in a four-wheeler.
4. The lights stay up till the Fourth of July.
Merry Christmas y'all, forward to 12 friends for 12 days of Christmas!!
=== [int] story from my uncle lol
My uncle was pulled over outside Cuba for going 80. Trooper says "I've been waiting for you all day." Uncle says "Well I got here as fast as I could." He did not get out of the ticket lol. He tells it every Thanksgiving. Sharing for your Friday.
=== [fw] Fwd: The Golfer and the Genie
A golfer slices his ball into the woods and finds a lamp. Out pops a genie who offers him one wish but warns "your wife gets double." He thinks and says "I want a million dollars." Poof, he has a million and his wife has two million. Then he says "OK, now scare me half to death." 
Forward to all your golf buddies, and not their wives lol
=== [fw] FW: Things you learn from raising kids
A king size waterbed holds enough water to fill a 2000 sq ft house 4 inches deep.
If you hook a dog leash over a ceiling fan, the motor is not strong enough to rotate a 42 pound boy wearing Batman underwear.
A 3 year old's voice is louder than 200 adults in a crowded restaurant.
Play-Doh and microwave should never be used in the same sentence.
Send to every mom you know and to any man who thinks it's easy!
=== [fw] Fwd: Cowboy wisdom (pass it on)
Never kick a fresh cow pie on a hot day. There's two theories to arguing with a woman, neither one works. Never miss a good chance to shut up. If you find yourself in a hole, stop digging. Don't squat with your spurs on. Good judgment comes from experience, and a lot of that comes from bad judgment. 
An old cowboy from Eminence wrote these. Send to 8 friends and keep the cowboy spirit alive.
=== [fw] FW: Vegetarian joke
I've been vegetarian for 3 weeks now. Mostly corn, potatoes and wheat. Then I found out that's what cows eat and they turn into steak. So I'm basically pre-beef. 
Also: what do you call a cow with no legs? Ground beef. A cow with two legs? Lean beef. 
Ha ha send to your vegan niece
=== [fw] Fwd: Funny things overheard at the BMV line
Overheard at the license office:
"Can I renew my tabs if the car is technically in the pond?"
"Is there a discount if I only drive on Sundays?"
"My picture looks like a hostage photo, can I take it again?" "No."
"I'm here for my Real ID, I brought my real ID."
LOL pass it along to anybody who's ever waited 3 hours for tabs
=== [fw] FW: Preacher's sermon on gossip (hilarious)
An old preacher was giving a sermon on gossip. He said "Anybody who speaks ill of their neighbor will answer for it." An old lady in the back stood up and said "Pastor, I don't have a single enemy in this world." Preacher said "How wonderful, how old are you sister?" She said "98." He said "Come up and tell us how a person can live 98 years without an enemy." She walked up, turned to the church and said "I outlived all them old heifers." 
Send to your church ladies!!
=== [fw] Fwd: Funny Walmart signs
Sign at the Walmart in Nixa: "Due to the increase in theft, the bathrooms are now under 24 hour surveillance." Sign at a gas station in Hermann: "Eat here and get gas." Sign on a bait shop: "Live bait - nightcrawlers - Espresso." Sign on a septic truck: "We're number one in the number two business." 
Forward to all your Missouri friends and put a smile on their face today.
"""
