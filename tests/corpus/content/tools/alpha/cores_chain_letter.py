# Hand-written core texts, category chain_letter (source alpha).
# Format: "=== [tags] Subject" then body.  Tags: es=Spanish, in/out/int=direction hint,
# fw=usually arrives forwarded, att=body may travel as an attachment, raw=no greeting/signature.
CORES = r"""
=== [fw] FW: Angel prayer - DO NOT BREAK
This angel has been sent to you to watch over your family. Within 4 days of getting this, pass it to 7 people you love and you will get a blessing you have been waiting for. A woman in Branson kept it to herself and her truck was totaled that same week. It's not a joke, it works. Don't break the chain!!
=== [fw] Fwd: WARNING - new virus coming tonight on all computers
Tell everyone on your contact list NOT to open any message titled "Postcard from Hallmark", no matter who sends it. It is a virus that wipes the whole C drive, and they said on CNN it is the worst one ever. Microsoft and Norton confirmed it yesterday. Send this to everybody you know, even at work!!! My cousin's husband works at a bank and said it is real.
=== You know you're a MoDOT guy if...
You know you're a road crew guy if:
- your truck has more orange than your house
- you have opinions about brine ratios at Thanksgiving
- your wife knows what a "call out" is and hates it
- you have eaten a gas station burrito at 3am in a plow truck and called it dinner
- you wave at every yellow truck on the highway
- the cones in your garage "just ended up there"
Pass it on to the guys lol
=== [fw] FW: you know you're a redneck if
You might be a redneck if your lawn mower is worth more than your house. If you've ever been too drunk to fish. If your family tree doesn't fork. If you mow the grass and find a car. If your wedding reception had a deer cleaning station. If you think a stock tank is a swimming pool. Send to 5 rednecks you know, I already got mine lol
=== [fw] Fwd: Fwd: Bill Gates is giving away money!!
This is not a hoax. Microsoft is testing an email tracking program and for every person you forward this email to, Bill Gates will pay you $245. After 2 weeks they will contact you for your address and send a check. My friend's aunt got $4,000 last year and she only sent it to 20 people. What do you have to lose? Forward it NOW.
=== Joke of the day
A Missouri farmer gets pulled over by a state trooper. Trooper says "Sir, did you know your wife fell out of the truck about a mile back?" Farmer says "Thank God, I thought I'd gone deaf." Have a good Tuesday y'all
=== [fw] FW: Prayer chain for little Kaylee
Please pray for a little girl named Kaylee who is 6 and has a brain tumor. Her family can't afford the surgery. The hospital said for every time this email is forwarded, the American Cancer Society will donate 10 cents for her treatment. Please don't delete this, it only takes a second. If you have a heart you'll send it on. God is watching.
=== FW: this is so true
Rules for dating my daughter:
1. Get a job.
2. Understand I don't like you.
3. I'm everywhere.
4. You hurt her, I hurt you.
5. Be home 30 minutes early.
6. Get a lawyer.
7. If you lie to me I will find out.
8. She's my princess, not your conquest.
9. I don't mind going back to jail.
10. Whatever you do to her, I will do to you.
Forward to all the dads out there!
=== [fw] Fwd: Jesus test - are you ashamed?
Jesus said "If you are ashamed of me, I will be ashamed of you before my Father." This is a simple test. If you love God and are not ashamed, forward this to 10 people including the one who sent it to you. Satan will try to stop you from forwarding this. 97% of people won't. Let's see if you're in the 3%. Something wonderful will happen at 11:11 tomorrow.
=== blonde joke lol
A blonde calls the dispatch at the shed and says "there's a bunch of snow on my car and I can't see." Dispatcher says "ma'am have you tried the wipers?" She says "no I've been using the brake pedal, it keeps it real clean." lmao sorry ladies
=== [fw] FW: Funny signs seen around the Ozarks
Funny signs seen around the Ozarks:
"Bait - Tackle - Ammo - Cold Beer - Live Worms - Notary"
"Slow children at play" (under it someone wrote "they're not that slow")
"Hunters please shoot carefully, the cows are not deer"
"Free puppies, half cocker spaniel half sneaky neighbor dog"
"Church parking only. Violators will be baptized"
"We buy junk and sell antiques"
Too good not to pass along
=== [fw] Fwd: The story of the cracked pot
A water bearer in India had two large pots, one was cracked and leaked half its water every trip. For two years the cracked pot was ashamed. Then the bearer showed it the flowers growing only on its side of the path, because he had planted seeds there knowing it would water them. Each of us has our own unique flaw. Send this to every cracked pot you know, including me. If it comes back you have a true friend.
=== [fw] FW: Facebook is going to start charging - copy and paste
Facebook announced starting Monday they will charge $5.99 a month and can use your pictures without permission. To stay free you must copy and paste this: "I do not give Facebook or any entities associated with Facebook permission to use my pictures, information, or posts, both past and future. By this statement I give notice..." Send it around before the deadline, it was on the news.
=== [fw] Fwd: Man dies from needle in gas pump handle
WARNING LADIES. Drug addicts in Springfield and Joplin are putting used HIV needles on the underside of gas pump handles. A woman at the QuikTrip got stuck and tested positive. The Springfield police department confirmed this. Please look under the handle every time. Forward to every woman you care about.
=== Cajun story lol
Boudreaux goes to the eye doctor. Doc shows him the chart "X Q Z P L T." Doc says "can you read this?" Boudreaux says "read it? I tink I went to school wit dat guy!" Thibodeaux heard that one and nearly drove his tractor in the ditch.
=== [fw] FW: FW: 10 things you'll never hear a lineman say
- "I don't need to use the tailgate, I'll just lean here"
- "Nah I've had enough coffee"
- "Let's take the long way so we can look at the pretty culverts"
- "Boss, I'd love to work the holiday"
- "That's too much beef jerky for one truck"
- "I really enjoy my annual safety training"
Forward to the crew, too good
=== [fw] Fwd: National Pray for America Day - pass it on
On Sunday at 7pm Eastern, millions of Americans will pray at the same time for our country and our troops. Please pass this to everyone in your address book so we can get 1 million people praying together. Don't let this stop with you. God bless America and God bless our troops!
=== [fw] FW: Is this you? Aging joke
You know you're getting old when:
- you and your teeth don't sleep together anymore
- your back goes out more than you do
- you sit in a rocking chair and can't get it going
- your little black book only has names ending in M.D.
- you get winded playing checkers
Pass it on to the over 50 crowd (you know who you are Harold)
=== [fw] Fwd: URGENT petition - save the flag on license plates
There is a bill in Jefferson City to REMOVE "In God We Trust" from Missouri license plates. We need 500,000 signatures by Friday or it passes. Please add your name to the bottom of the list and forward to everyone. Do not reply to me, just add your name and send it on. 1. Linda H, Rolla 2. Gary P, Salem 3. Debbie W, Licking ...
=== [fw] Re: FW: lottery luck email
This email has been around the world 9 times. The luck of the Irish has been sent to you. You will receive good luck within 4 days of receiving this message, provided you send it back out. Do not send money. Joe in Kirksville got the message and sent it on, he won $50,000 in the Show Me Cash two days later. Jenny broke the chain and lost her job. Send 20 copies and see what happens in 4 days.
=== [int] this cracked me up
So a guy walks into the district office with a pothole complaint. Clerk says "sir which road?" He says "all of em." Honestly accurate. Anyway here's another one: Why did the orange barrel break up with the cone? It said she was too high maintenance. I'll show myself out.
=== [fw] FW: Do not answer calls from area code 809
Don't answer calls from these numbers: 809, 284, 876. It's a scam from Jamaica and when you call back they charge you $2,425 per minute. AT&T confirmed it. It already happened to a lady in Sedalia. Please forward to all your friends and family, especially the old folks. Better safe than sorry!
=== [fw] Fwd: A mother's prayer - beautiful
Lord, help me be patient when my kids track mud through the house, and help me remember one day the floors will be clean and the house will be quiet. Help me hold their hands a little longer... (read the whole thing, it made me cry). Now send this to every mom you know, and tonight at bedtime your child will tell you something wonderful. If you break it you'll have bad luck for a month.
=== [fw] FW: Wild story about the deer and the trucker
A trucker from Macon supposedly tied a rope to a deer to "rope it like a calf" and the deer dragged him through a soybean field for 200 yards. Whole thing is written up by his buddy below with pictures. Best thing I've read all week, pass it around to the maintenance guys.
=== [fw] Fwd: Cell phones will be sold to telemarketers - call this number
REMINDER: all cell phone numbers are being released to telemarketing companies starting next month and you will start getting sales calls on your cell. To prevent this call 888-382-1222 from your cell phone, it is the national DO NOT CALL list. Forward to all your friends!!
=== [fw] FW: The Preacher and the Mule (too funny)
The preacher bought a mule from the old farmer who told him "this mule only goes if you say Praise the Lord and only stops if you say Amen." Preacher gets on, says Praise the Lord, mule takes off toward a cliff. Preacher yells Amen and mule stops right at the edge. Preacher wipes his brow and says "Praise the Lord!" ... Pass it along if you laughed.
=== [fw] Fwd: Microsoft and AOL merger - $$ for forwarding
Dear friends, please don't take this for a junk letter. AOL and Microsoft are merging and for every person you send this to, they will pay you $5, and for every person they send it to you get $3. Intel is paying too. I'm an attorney and I know the law, this is real. Within 2 weeks you'll get a check.
=== [int] Chuck Norris facts for Monday
Chuck Norris doesn't wait for the salt truck, the snow melts out of respect. Chuck Norris counted to infinity, twice. When Chuck Norris does a pushup he isn't lifting himself up, he's pushing the earth down. Chuck Norris can plow I-70 with a pickup. Pass it on, or Chuck will find you.
=== [fw] FW: The 10 second kindness test - send it back
Send this to 10 people who you think are kind, including me if you think I am. If you get 3 back you are truly loved. If you get 7 you are very special. If you get none, then maybe you should do a nicer thing for someone today. Don't be the one that lets the chain die.
=== [fw] Fwd: Husband store joke
A store that sells husbands has opened in Kansas City. You may visit only ONCE. On the 1st floor: these men have jobs. 2nd floor: these men have jobs and love kids. 3rd floor: jobs, love kids, and are extremely good looking. 4th floor: jobs, kids, good looking, help with housework. 5th floor: "This floor exists only to prove women are impossible to please." Pass on to the girls!
=== [fw] FW: FW: Pass this on - missing child in Poplar Bluff
PLEASE HELP. A 9 year old boy went missing from the Walmart in Poplar Bluff on Saturday. His name is Tyler, brown hair, wearing a Cardinals shirt. His mother is frantic. Please forward to everyone in your contacts, pictures below. Somebody saw something!! (I couldn't find it on the news but better share in case.)
=== [es] [fw] RV: Cadena de oración - no la rompas
Esta es una cadena de oración por la Virgen de Guadalupe. Reenvía esto a 12 personas antes de la medianoche y recibirás un milagro en tu casa. Una señora de Kansas City la rompió y le fue muy mal en el trabajo. No es broma, mándala a tus seres queridos. Dios te bendiga.
=== [es] [fw] RV: RV: WhatsApp va a cobrar - reenvía esto
A partir del lunes WhatsApp va a cobrar 0.37 centavos por mensaje. Para que tu cuenta siga gratis debes reenviar este mensaje a 10 contactos. Cuando lo hagas, el logo se pondrá azul. Lo dijeron en las noticias de Univision. Si no lo reenvías, tu cuenta se borrará en 48 horas.
=== [es] chiste del día jaja
Llega Pepito a la escuela y la maestra le pregunta: "Pepito, ¿qué es más lejos, Kansas City o la luna?" Y Pepito le dice: "Kansas City, maestra, porque la luna se ve desde aquí." Jajaja, pásalo a los compas de la cuadrilla.
=== [es] [fw] Fwd: Reenvía esto a 10 amigos - suerte en 3 días
Este mensaje tiene suerte. Ha dado la vuelta al mundo siete veces. Reenvía esto a 10 amigos en menos de 24 horas y en tres días recibirás una gran sorpresa. Un hombre en Sikeston lo ignoró y perdió su camioneta. Una mujer lo mandó y ganó la lotería. No lo rompas.
=== [es] [fw] RV: Oración por los trabajadores de la carretera
Señor, cuida a los que trabajan en la carretera, en el frío y en la noche, y regrésalos con sus familias. Amén. Si crees en Dios, no lo ignores. Comparte esta oración con 7 personas y verás lo que pasa mañana. Dios ve todo lo que haces.
=== [es] RV: Cosas que solo pasan en Misuri jaja
Solo en Misuri: usas chamarra en la mañana y shorts en la tarde. Ves un venado, un tractor y un Walmart en la misma cuadra. Las tiendas de cebo venden también armas y pasteles. Si estás de acuerdo, reenvía a tus amigos de Misuri.
=== [es] [fw] Fwd: ALERTA virus en Facebook - pásalo
URGENTE: no aceptes solicitudes de amistad de "Jessica Davis" ni de "Jayden K. Smith", es un hacker y si lo aceptas tendrá acceso a tu computadora y a tu cuenta. Copia y pega este mensaje a todos tus contactos. Lo confirmó la policía. ¡Pásalo, pásalo!
=== [fw] Fwd: Little girl's letter to God
Dear God, is it true my father won't get into heaven if he uses his bowling words in the house? Love, Anita. Dear God, I went to this wedding and they kissed right in church, is that ok? Love, Neil... (there's about 20 of these, they're adorable). Send it to 5 people that need a smile today.
=== [int] FW: Why men are never depressed
Men are just happier people. Your last name stays put. Wedding plans take care of themselves. Chocolate is just another snack. You can never be pregnant. Car mechanics tell you the truth. Same work, more pay. One mood all the time. You can open all your own jars. Forward to a man who needs a laugh (or a woman who needs to be annoyed lol)
=== [fw] FW: Old farmer letter to his son in prison
An old Missouri farmer wrote to his son in prison: "I won't be able to plant the potato garden this year, I'm too old to dig." Son writes back: "Don't dig up that garden Dad, that's where I buried the bodies." Next morning the FBI dug up the whole garden, found nothing. Son wrote: "Best I could do from here, go ahead and plant." Pass this around, classic.
=== [fw] Fwd: Fwd: Red Friday - wear red for the troops
Starting this Friday, Americans who support our troops will wear something red every Friday. If everyone forwards this to 10 people, in just a few weeks the whole USA will be covered in red. Let's show them we care! Please don't delete, send it on to your friends and coworkers. RED FRIDAY!!!
=== [fw] FW: Kidney theft in hotels - true story
A businessman went to a bar in St. Louis, had a drink with a woman, and woke up in a bathtub full of ice with a note saying "call 911 or you will die." His kidney had been removed. This is happening in many cities including ours. Please forward to every man you know who travels for work.
=== why I'm late this morning (funny list)
Top excuses overheard at the shed this week:
1. "My dog ate my timecard"
2. "I was following a plow and it was going really slow" (it was his own crew)
3. "The cows were out again"
4. "I had to wait for the train and then another train"
5. "My truck wouldn't start because it was scared of Monday"
Feel free to add your own and pass it on
=== [fw] FW: Amber alert - share even if you don't know them
PLEASE SHARE even if you don't know them. A gray pickup took a 4 year old girl from a park near Lebanon. Plate starts with XJ4. The sheriff is asking everyone to forward this as fast as possible. The more people the better!! (Note: my sister got this from her church group.)
=== [fw] Fwd: Stop TRIM - the government wants to tax email
Congress is quietly passing bill 602P which will let the Post Office charge 5 cents for every email you send. Your Internet provider will bill you. Congressman Tony Schnell (R) is pushing it. Forward this to everyone you know so we can stop it before it passes! This is REAL.
=== [fw] FW: Knock knock jokes my kid told me
Knock knock. Who's there? Interrupting cow. Interrupting c-- MOO! Knock knock. Who's there? Lettuce. Lettuce who? Lettuce in, it's cold out here! Knock knock. Who's there? Orange. Orange who? Orange you glad it's Friday? Sending to everybody who needs a groan today.
=== [fw] Fwd: The Dash poem - read and pass on
I read of a man who stood to speak at the funeral of a friend. He referred to the dates on the tombstone from the beginning to the end. But what mattered most of all was the dash between those years... Send this to everyone that matters to you, and to me if I matter. Watch what happens to you tonight.
=== [fw] FW: The Cardinals fan and the genie
A Cubs fan, a Royals fan and a Cardinals fan find a lamp. Genie grants each one wish. The Cubs fan wishes for his team to win the World Series every year, genie says ok. The Royals fan wishes for a new stadium, genie says ok. The Cardinals fan says "so the Cubs win every year?" genie says yes. "Then I'll just have a beer." Pass it on to the Cubs fans in your life!
=== [fw] Fwd: If you see a car with no headlights DON'T FLASH THEM
New gang initiation: gang members drive around at night with their headlights off. The first car to flash their headlights at them becomes the target, and they follow you home and kill you. The Missouri State Highway Patrol issued a warning. Tell your family, your kids, everybody. Forward immediately.
=== Top 10 signs your supervisor is on vacation
10. The coffee pot is actually clean
9. The radio is playing something besides country
8. Nobody is standing around the shop truck
7. Wait, everybody is standing around the shop truck
6. The "days without an accident" sign has been updated for once
...you get the idea. Forward to anyone who's ever had a boss
=== [fw] FW: Send this to 15 women - friendship chain
A friend is someone who knows the song in your heart and can sing it back to you when you have forgotten the words. Send this to 15 women you consider friends, including the one who sent it to you. If you get 5 back you'll have a good week. If you break it, well, you've been warned.
=== [fw] Fwd: Toilet spider warning - true!!
There's a spider called the blush spider that lives under toilet seats in restaurants and has killed 5 people in Chicago. It's from South America and came in on airplanes. Please warn everyone, check the seat before you sit! Forward to your contacts NOW, the news won't tell you.
=== [fw] FW: Mechanic and the heart surgeon joke
A mechanic was removing a cylinder head when he spotted a famous heart surgeon in his shop. "Doc, I open hearts, take valves out, fix em, put em back, and when I finish it works like new. So how come I get such a small salary and you get the big money?" The surgeon leaned over and whispered "Try doing it with the engine running." Pass to the shop guys!
=== [fw] Fwd: God is going to bless you today
God is going to bless you today. Do not ignore this, he knows you're reading it. If you believe, share it with 13 people in 13 minutes and watch what happens. Don't say you are too busy, you're never too busy for God. If you delete it, you're telling him no.
=== [fw] FW: Wisdom from Grandpa
Don't corner something meaner than you. Never miss a good chance to shut up. Don't squat with your spurs on. If you find yourself in a hole, stop digging. Never kick a cow chip on a hot day. Good judgement comes from experience, and a lot of that comes from bad judgement. Pass it on to someone who needs the advice!
=== [fw] Fwd: Bank account hackers - new scam - tell your friends
If you get an email about a "Walmart gift card," your bank account will be emptied within hours. A lady at my church lost her entire savings. The police chief in Moberly said it's all over the county. Send to everybody in your address book to protect them (from a friend of a friend who works at the bank).
=== [es] [fw] RV: Los perros de rancho - cuento chistoso
Un ranchero de Carthage tenía un perro tan flojo que se recargaba en la cerca para ladrar. El vecino le preguntó: "¿Y ese perro sirve de algo?" El ranchero dijo: "Sí, me recuerda que hay alguien más flojo que mi yerno." Jaja, reenvía a tus amigos para que se rían un rato.
=== [es] [fw] Fwd: Santo Niño - envía a 20 personas
Esta imagen del Santo Niño de Atocha fue bendecida en México. Envía este correo a 20 personas y en 4 días recibirás buenas noticias. El señor Ramírez la envió y le dieron trabajo. Otra persona la borró y tuvo un accidente. No dejes que se detenga contigo.
=== [fw] FW: How to tell what kind of Missourian you are
If you say "Missour-ah," you're from the bootheel or your grandpa was. If you say "Missour-ee," you're from KC or St. Louis. If you call it "soda" you're in St. Louis, "pop" you're anywhere else. If you think provel is cheese, you're from St. Louis and we can't help you. Share with your Missouri friends!!
=== [fw] Fwd: The Lion and the Mouse - leadership lesson
A lion was caught in a net and a tiny mouse chewed through the ropes... Moral: no act of kindness is ever wasted. (This is from my pastor's devotional.) Share it with your team, but only forward if you really mean it, and good things come back. Break it and the bad luck is on you.
=== [int] FW: Drunk guy trying to find his car lol
Drunk guy comes stumbling out of the bar in Rolla at 2am trying to unlock a car with his house key. Cop asks "can I help you sir?" Guy says "nah officer somebody stole my steering wheel, brake pedal, AND my dashboard." Cop says "sir you're in the back seat." Sending to everyone who's ever worked New Year's Eve callout.
=== [fw] FW: The farmer's letter to the IRS (long but worth it)
Dear IRS, I am writing to you because I read in the paper that my neighbor got paid $3,000 by the government for not raising hogs. So I want to get in on the program. What is the best kind of farm not to raise hogs on, and what is the best breed of hogs not to raise? I'd prefer not to raise razorbacks, but if that is not a good breed not to raise, I will just as gladly not raise Yorkshires or Durocs.

My neighbor has been farming for 20 years and the most he ever made raising hogs was $422 in 1968. Now he gets paid $3,000 for not doing it. If I get $3,000 for not raising 50 hogs, will I get $6,000 for not raising 100? I plan to operate on a small scale at first, holding myself down to about 4,000 hogs not raised, which will mean about $240,000 the first year. Then I can afford an airplane.

Also, these hogs I will not raise will not eat 100,000 bushels of corn. I understand that you also pay farmers for not raising corn. Will you pay me anything for not raising 100,000 bushels of corn not to feed the hogs I am not raising?

Patriotically yours, a Missouri farmer. P.S. Pass this on to everybody who has ever paid taxes. It's too good to keep.
"""
