# Hand-written cores, offensive, source delta. Fictional people only.
CORES = r"""
=== [fw] FW: NSFW lol - don't open at your desk
lmao you gotta see this video, chick at a tailgate flashing the whole parking lot and then falls off the truck. full video here hxxp://hotclipz69.xxx/tailgate-flash uncensored. watch it with the sound on lol. don't open this on the work computer Carl got wrote up last time
=== [fw] FW: sexy pics for Dale's bachelor party
Boys, for Dale's party Saturday I found the girls from the club in Kansas City, see the pics below. Blonde one does the full nude lap dance for $200 and the redhead does "extras" if you tip her good. Pick which one you want, I'll book her. Bring singles. What happens at the lake stays at the lake.
=== [int] hey beautiful
I noticed you've been driving that old Cavalier. A girl like you shouldn't have to worry about car payments. I take care of the people who take care of me, if you know what I mean. Dinner at my place Friday, wear something short, and we'll see about getting you something nicer. Nobody at the office needs to know.
=== [int] Re: birthday card for Phyllis
lol what do you get somebody who's 104? Phyllis was here when they built the road with mules. I'd chip in for a walker and some Depends. Maybe a coffin-shaped cake. Honestly she should retire before she dies at her desk and we don't notice for a week
=== [int] the fat joke for Marvin
Marvin is so fat that when he sat on the loader it went into low gear. So fat his belt size is a county road number. When he walks by the scale house it tips. When he gets in the truck it says "one at a time please". lmao pass it around, don't let fatso see it, he'll eat the printout
=== [int] what's your problem
You know what your problem is? You're ugly and you know it, that's why you're so bitter. No wonder your husband left. Nobody wants to look at that face across the breakfast table. Do us all a favor and stay in the back office where the public can't see you.
=== [fw] FW: dirty joke of the week
A guy walks into a bar with a jar of pickles and... ok this one's filthy. A nun, a hooker and a trucker are stuck in an elevator and the hooker says "I've got an idea for passing the time" and then the trucker whips it out and the nun says... [the rest is too dirty for email lol, read it below]. So she says "that's the biggest sin I've ever seen." Haha forward to the boys, not the wives
=== [int] your Bible thumping
Nobody wants your Jesus crap at the meeting. Keep your little prayer cards and your holier than thou bullshit to yourself. You people think you're better than everybody. If I see one more of your fish stickers on the break room fridge I'm putting a pentagram on your truck.
=== [int] Re: new girl in accounting
did you see the ass on the new girl? I'd tap that in the supply closet. I'm gonna ask her to "help me" with the copier every day lol. bet she's a freak, they always are when they dress like that. I'll let you know how it goes
=== [int] Lunch
Hey, I saw you at Applebee's Saturday with your kids. You looked good in that blue dress. I know you said no last time but I think you're just playing hard to get. I'll be by your desk at noon. I got us reservations for Friday too. Don't make me ask again.
=== [fw] FW: Mexican joke lol
How do you stop a Mexican from breaking into your house? Put up a help wanted sign. Why don't Mexicans play hide and seek? Because nobody would go looking for them. Haha send it to Hector, see if he can read it lol
=== [int, att, csv] note about Deb
For the record I'm tired of working with Deb. She's dumb as a box of rocks, she can't run the spreadsheet, she's too old to learn and she smells like a nursing home. She only got this job because she slept with someone in 2004. We should all just stop helping her until she quits.
=== [fw] FW: pics from last weekend 18+
ok here are the pics I promised from the lake lol. she didn't know I was taking them ha. nipslip in the 3rd one. don't send these to her boyfriend. there's a video too but it's too big, I'll text it
=== [int] old man on crew 2
Somebody tell grandpa Earl to hang it up. He can't hear, can't see, drives the plow like a blind man. Old fart smells like Bengay and piss. I put a box of adult diapers on his seat as a hint. Maybe next time I'll leave him the number for the funeral home.
=== [int] you
I've been watching you in meetings. The way you look at me, I know you feel it too. I drove past your house last night and your bedroom light was on late. I left something on your windshield. Text me back this time or I'll just come over.
=== [fw] Fwd: "sexy Santa" party photos
Our Christmas party photos are up! Password is "naughty". The sexy Santa helpers from the agency we hired went topless at 11pm, see album 3. Don't forward to anyone's wife lol. Next year I'm booking strippers for the whole district.
=== [int] anyone else notice
Anybody else notice how the Muslim guy always disappears on Fridays to go pray on his little rug? Probably building a bomb. I'm not parking next to his car anymore. Somebody ought to put bacon in his lunch and see what happens lol
=== [int, att, csv] Rate the girls
ok boys I made a spreadsheet ranking the women in the district office 1-10 on looks and tits. Tammy's a 9, the new receptionist is a solid 8, Brenda is a 2 with a bag on her head. Add your scores, don't let HR get this lol. file attached.
=== [int] sugar daddy offer
Let's be grown about this. You need money and I've got it. $500 a week, you come by my place twice a week, no strings. I'm married so discretion is required. You're a smart girl, think about how much easier your life would be. Delete this after you read it.
=== [int] you're useless
Honestly you are the dumbest person I've ever worked with. A trained monkey could run the scale house better. Every time you open your mouth I lose brain cells. Go back to whatever trailer park you crawled out of and leave the real work to people with a brain.
=== [fw] FW: Polish and Irish jokes
How many Polacks does it take to change a light bulb? Three, one to hold it and two to spin the ladder. What's an Irish seven course meal? A six pack and a potato. Why did God invent whiskey? So the Irish wouldn't rule the world. lol send these to Kowalski and O'Brien
=== [int] yo fat ass
Hey fat ass, you took the last donut again. You need a gym membership, not another Krispy Kreme. The chair in the conference room is broke because of you. We're taking up a collection for a bigger desk so you can fit your gut under it.
=== [int] the gay guy at the shop
Don't bend over around the new mechanic lol. I heard he's a queer. Make sure he doesn't use the same bathroom as us. Somebody put a rainbow sticker on his toolbox so everybody knows to stay away.
=== [fw] FW: hot MILF compilation lol
You gotta see this link, best one yet lmao. hxxp://milf-tubez.net/compilation-47. skip to 4:30. you're welcome. I put it on the shared drive too under "training videos" haha
=== [int] dress code
Tell the new girl if she keeps wearing those tight pants, she's asking for it. Half the crew can't concentrate. She knows what she's doing. I'd be happy to give her a "performance review" in my truck.
=== [int] I'm not done with you
You think reporting me to the supervisor changes anything? I've been here 19 years. You'll be gone before I am. Watch your back in the yard, accidents happen with all this heavy equipment around. Just saying.
=== [int] Re: team photo
lol why did we let the retard stand in front. He looks like he's about to drool on the sign. Can we photoshop him out before it goes in the newsletter? Nobody wants the public thinking we hire those people.
=== [fw] FW: funny pic of the black guy
haha look at this picture of a monkey in a hard hat and tell me it doesn't look like Darnell from crew 5. I'm putting it on his locker. Make sure everyone sees it before he gets in.
=== [int] sexual joke
What's the difference between a woman and a snow plow? You can take the plow out without buying it dinner lol. What do you call the useless skin around a vagina? A woman. Send to the boys in the shop
=== [int] Re: Re: Re: that thing
You're a stuck up bitch. Everybody in the district thinks so. You act like you're too good to have a drink with us. Keep it up and see how many people help you when your project is behind.

=== [es, int] oye gordita
Oye gordita, ya deja de comer tortillas que ya no cabes en la silla. Con esa cara y ese cuerpo ni tu marido te quiere ver. Mejor quédate en la bodega para que no te vea la gente.
=== [es, int] el viejo del taller
Ese viejo ya no sirve para nada, ya está bien pendejo y sordo. Huele a meados. Que se jubile de una vez antes de que se muera aquí y nos toque sacarlo.
=== [es, int] mamacita
Mamacita, qué buena estás. Te vi ayer en el estacionamiento con esa falda. Cuando quieras te doy un aventón a tu casa y nos tomamos algo. No le digas a nadie, esto es entre tú y yo. Te voy a seguir escribiendo hasta que me digas que sí.
=== [es, fw] RV: video caliente jaja
Mira este video compadre, la vieja de la fiesta bailando encuerada en la mesa jajaja. hxxp://videos-calientes.xxx/fiesta-mesa. No lo abras en la oficina que te corren.
=== [es, int] pinche indio
Ese pinche indio del turno de noche no sabe ni hablar bien. Que se regrese a su pueblo a cuidar chivas. Aquí no queremos gente como él.
=== [es, int] ya sé dónde vives
Ya sé dónde vives y a qué hora sales. Si vuelves a quejarte con el supervisor vas a ver lo que te pasa. Cuídate mucho, y cuida a tus hijos.
=== [es, int] eres una inútil
Eres una inútil, no sirves ni para hacer copias. Eres tan tonta que das lástima. Todos en la oficina se burlan de ti a tus espaldas. Mejor renuncia.
=== [es, int] propuesta
Mira, tú necesitas dinero y yo tengo. Te doy 300 dólares por semana si sales conmigo los viernes. Soy casado así que nada de mensajes a mi teléfono. Piénsalo, te conviene.
=== [es, fw] RV: chiste verde para los compas
Llega un señor a la farmacia y dice: "Quiero unas pastillas para la potencia." Y el farmacéutico le dice: "¿Para usted o para la señora?" ... jajaja el resto está bien cochino, véanlo abajo. Solo para hombres, no lo reenvíen a las viejas.
=== [es, int] la nueva de recepción
¿Ya vieron a la nueva? Tiene unas nalgas que ni les cuento. Apuesto a que se acuesta con el jefe para que la contrataran. Vamos a ver quién se la lleva primero a la cama.
"""
