# Hand-written core texts, category offensive (source alpha). Format: see cores_chain_letter.py
# Fictional names only.  Contains deliberately abusive language (training data for the filter).
CORES = r"""
=== [int] re: the schedule
You're a worthless piece of shit Travis. Every single time we get a callout you're "sick". The whole crew is sick of carrying your fat lazy ass. Do your fucking job or quit.
=== [int] Just saying
Noticed you parked in the back lot again today, by the fence where the camera doesn't reach. I know which way you drive home too. Might want to think about how you talk to people in meetings.
=== [int] hey
You looked really good today in those jeans. I keep thinking about you. I know you said you're not interested but I think if you got to know me you'd change your mind. Can I take you to dinner Friday? I'll keep asking until you say yes.
=== [int] our new "supervisor"
Can you believe they gave the crew to the girl? She can't even back up a dump truck. She only got it because she's a woman and they needed to hit their numbers. Watch, she'll be crying in the office by Christmas.
=== [int] RE: who's going to the safety training
Not sitting next to the old man again, he smells like Bengay and death. Somebody tell grandpa to retire already, he can't remember which end of the shovel to hold. Dinosaur.
=== [int] lol look at her
Did you see Tammy's ass in the break room today? I'd bend her over that desk in a heartbeat. Them titties are unreal. Don't tell her I said that lmao
=== [int] re: the new guy
The new guy's a faggot, you can tell by the way he talks. I'm not riding with him in the truck. Put him with the office girls.
=== [int] you
People like you don't belong on this crew. You don't fit in and you never will. Everybody here knows it. Nobody wants you at lunch, nobody wants you in the truck. Save us all the trouble and transfer.
=== [int] Dispatch is a joke
That dumbass in dispatch sent us to the wrong mile marker AGAIN. She's too stupid to read a map, probably too busy eating. Fat bitch. How does somebody that retarded keep a job here.
=== [int] Friday
I can't stop thinking about you. I drove by your house last night, saw your light on. I left something on your windshield. You should answer my texts. I'm not going to give up.
=== [int] fwd: what I'd do to you
I want to rip those work pants off you and fuck you in the back of the truck till you scream. Meet me at the salt dome after shift. Delete this lol
=== [int] About Ramon
Tell the wetback to go back to Mexico if he can't speak English. I'm tired of hearing that shit on the radio. This is America.
=== [int] watch yourself
You reported me to HR? That's fine. Just remember accidents happen out on the road all the time. Trucks back up, nobody sees anything. Think about that.
=== [int] the muslim in accounting
Keep an eye on the towelhead in accounting, he's probably building a bomb in his cubicle. Don't let him near the fuel island lol. I don't trust any of them.
=== [int] RE: RE: potluck
Don't let Deb bring anything, last time it looked like she cooked it in the toilet. Honestly I'm surprised she can find the kitchen, she's always got her fat face in somebody else's plate.
=== [int] new pics
Check out these pics of the chick from the Rolla bar, she's naked in all of them. Tits out, legs spread, the whole thing. Pass it around but don't get caught lol. [attachment: IMG_2231.jpg]
=== [int] re: your complaint
Maybe if you didn't dress like a slut you wouldn't get so much attention. Stop complaining, you like it and everybody knows it.
=== [int] dumb question
Is it true what they say about black guys? Asking for your wife lol. Tell your boy Marcus he better stay out of our shed, we don't need any thugs stealing tools.
=== [int] Keep asking
I know you said no twice but I think you're just playing hard to get. I bought you flowers and you gave them to the front desk. That hurt. I'll wait by your car after work so we can talk.
=== [int] [fw] FW: joke for the boys
What's the difference between a woman and a plow truck? You don't have to buy the plow truck flowers before you ride it all night. Hahaha and at least the plow truck keeps its mouth shut.
=== [int] the cripple
Why do they keep giving light duty to the cripple? He gets paid the same as us and sits in the office all day with his cane. Useless. Should have put him down like a horse with a bad leg.
=== [int] Shut your mouth
Say one more word about me in the safety meeting and I'll knock your teeth down your throat. I'm not playing. You won't see it coming.
=== [int] hey sexy
Hey sexy. Been thinking about your lips all day. Wanna come sit on my lap in the truck at lunch? Nobody will know. Send me a pic of what you're wearing under that vest.
=== [int] lmao the Indian guy
The new engineer with the curry smell - I can't understand a damn word he says. "Thank you come again." They should ship him back and hire somebody American.
=== [int] Re: Jenny from the Joplin office
Jenny from Joplin is a dyke, that's why she cut her hair like a man. Total carpet muncher, no wonder she hates all of us.
=== [int] we know
We all know what you did. Everybody at the shed is talking about you. You're a snitch and snitches don't last. Watch your back.
=== [int] about the deaf girl
The deaf girl in records is so stupid lol, you have to talk to her like a baby. I just mumble at her to watch her get confused. Funniest thing all day.
=== [int] you're so pretty when you're quiet
You're so pretty when you don't talk. Just sit there and look nice for the visitors. Leave the real work to the men, sweetheart.
=== [int] Re: overtime list
Give the overtime to the white guys, the rest of them are already on welfare anyway. Not like they'd show up.
=== [int] (no subject)
You're an ugly, four-eyed, buck-toothed freak. Nobody will ever love you. Go home and cry about it like you always do.
=== [int] tonight
I want you to come over tonight, my wife's out of town. I'll have the hot tub ready. Don't bring a swimsuit. I'll make it worth your while at review time.
=== [int] re: new hire
The new hire is a total retard. Asked him to grab a socket and he brought me a wrench. His mom must have dropped him on his head. Short bus special.
=== [int] gay joke
How many gay guys does it take to change a light bulb? Just one, but the whole emergency room to get it out. lol send it to Kevin
=== [int] Your kids
Would be a shame if something happened to your kids while they wait at the bus stop on Route M. I know which one they use. Drop the grievance.
=== [int] Sarah's pregnant again
Sarah's pregnant AGAIN? Doesn't she know what causes that? Breeding like a rabbit and we get stuck with her work. Pop em out on the state's dime.
=== [int] about the Chinese lady
The Chinese lady in IT eats dogs, I'm not kidding. Ching chong. Keep your pets inside haha.
=== [int] re: last night
Thanks for last night baby, you were so wet I couldn't stop. Can't wait to do it again on the break room couch. Don't tell my wife.
=== [int] you don't belong
You don't belong here and everybody knows it. Nobody invited you to the cookout on purpose. Nobody wants to eat with you. Stop trying.
=== [int] She's on her period
Don't even bother talking to the boss today, she's on the rag and biting everybody's head off. Women shouldn't run anything.
=== [int] I'm watching you
I see you came in at 7:12 today. And left your desk at 10:45. I see everything. I know what car your husband drives. Just thought you should know.
=== [int] the fag in HR
Tell the fag in HR to stop sending me his little rainbow emails. I don't care about his pride month. Go back in the closet.
=== [int] [fw] FW: FW: hot pics of the new receptionist
lol look at these pics I found of the new receptionist on her instagram, she's practically naked. Wonder what she does for tips. I'd tap that.
=== [int] go to hell
You're a goddamn idiot and your crew is a bunch of inbred hillbilly morons. Go to hell, all of you.
=== [int] Re: fat guy on crew 4
The fat guy on crew 4 broke another seat in the truck. Tell the hippo to lay off the donuts. We need a crane to lift him out of the cab. Fat fuck.
=== [int] old woman in the front office
That old bitch in the front office needs to retire before she dies at her desk. Dried up old hag. Can barely use a computer.
=== [int] ur wife
Saw your wife at the Casey's, she's a hot piece of ass. Maybe I'll give her a ride sometime while you're out plowing. She looked like she wanted it.
=== [int] dumb mexican
Your dumb mexican crew dug in the wrong spot again and hit the fiber line. Beaners can't read a locate flag. Send them back across the river.
=== [int] the hillbilly
The hillbilly from the Ozarks can't spell his own name. Inbred hick. Probably married his cousin.
=== [int] re: re: Jacob
Jacob's a pussy, he cried when the foreman yelled at him. Needs to grow a pair. Little bitch.
=== [int] your body
Your body is amazing. I can't focus at work because of you. I noticed you switched shifts to get away from me, but I switched too. We're meant to be.
=== [es] [int] oye tú
Eres un pinche inútil, no sirves para nada. Todos en la cuadrilla se ríen de ti a tus espaldas. Mejor renuncia antes de que te corran, pendejo.
=== [es] [int] la nueva
¿Ya viste a la nueva de la oficina? Está bien buena, le daría hasta que no pudiera caminar. Mándame fotos si la ves en la calle.
=== [es] [int] cuidado
Si vuelves a hablar de mí con el jefe te voy a romper la madre. Sé dónde vives. No juegues conmigo.
=== [es] [int] el gordo
El gordo de la cuadrilla 3 ya rompió otra silla. Pinche marrano, que deje de tragar. Ni cabe en la troca.
=== [es] [int] los negros
No quiero trabajar con esos negros, son flojos y roban. Díganle al supervisor que me cambie de cuadrilla.
=== [es] [int] ya te dije
Ya te dije que me gustas. No me importa que tengas novio. Te voy a seguir esperando en el estacionamiento todos los días hasta que me hagas caso.
=== [int] meeting
You're lucky you're a woman or I'd have beat your ass in that meeting. Talk to me like that again and see what happens.
=== [int] Re: the mexican guy in the shop
The beaner in the shop keeps hitting on the office girls. Greasy little spic, send him to ICE.
=== [int] come see me
I've got a big surprise for you in my pants, come by my office after 5 and I'll show you. You know you want to.
=== [int] Re: promotion list
She only got promoted because she's sleeping with the district engineer. Everybody knows she sucked her way up the ladder.
=== [int] since you want to go to HR
Since you want to run to HR every time somebody looks at you wrong, let me tell you how this is going to go. Nobody on this crew is going to talk to you. Nobody is going to help you chain up, nobody is going to cover your route, nobody is going to answer you on the radio. You're going to sit in that truck by yourself all winter and think about what you did.

You were never one of us anyway. You came in here thinking you were better than everybody because you went to college. You're a stuck up little bitch and everybody says it. The guys at the Salem shed already heard about you too, so don't bother asking for a transfer.

Enjoy the cold shoulder. You earned it.
"""
